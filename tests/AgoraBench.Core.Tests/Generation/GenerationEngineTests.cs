using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgoraBench.Tests.Generation;

public sealed class GenerationEngineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agb-gen-").FullName;

    private static readonly SyntheticInstance[] MathSeeds =
    [
        new() { Instruction = "What is 2 + 3?", Response = "2 + 3 = 5.\n[RESULT] 5 [/RESULT]", Config = "math" },
        new() { Instruction = "What is 7 * 6?", Response = "7 * 6 = 42.\n[RESULT] 42 [/RESULT]", Config = "math" },
        new() { Instruction = "What is 10 / 2?", Response = "10 / 2 = 5.\n[RESULT] 5 [/RESULT]", Config = "math" },
    ];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SeedsWithoutResponses_AreRefused_ForInstanceGeneration_ButNotForResponseGeneration()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "2 + 2 = 4.\n[RESULT] 4 [/RESULT]";
        SyntheticInstance[] instructionsOnly = [new() { Instruction = "What is 2 + 2?", Response = string.Empty }, MathSeeds[0], new() { Instruction = "And 3 + 3?", Response = " " }];
        var generator = new ChatDataGenerator(server.GeneratorClient("gen-model", TimeSpan.FromSeconds(2)));
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, "no-responses.jsonl"), resume: false);

        var error = await Assert.ThrowsAsync<DataValidationException>(() => new GenerationEngine(generator, Options(GenerationMethod.InstanceGeneration, count: 2)).RunAsync(instructionsOnly, store));

        Assert.Contains("seed 1, 3 has no response", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, server.ChatCompletionsServed);
        var summary = await new GenerationEngine(generator, Options(GenerationMethod.ResponseGeneration, count: null)).RunAsync(instructionsOnly, store);
        Assert.Equal(3, summary.Accepted);
    }

    [Fact]
    public async Task InstanceGeneration_SurvivesInjectedFaults_AndEndsWithExactlyTheRequestedCount()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        int answer = 0;
        server.Chat = _ =>
        {
            int n = Interlocked.Increment(ref answer);
            return (n % 5) switch
            {
                0 => "A question without the output marker",                           // malformed: parse-failed
                1 when n > 1 => $"Truncated question {n}?\nOUTPUT: The sum is",         // truncated: finish_reason length
                _ => $"Question number {n}: what is {n} + 1?\nOUTPUT: {n} + 1 = {n + 1}.\n[RESULT] {n + 1} [/RESULT]",
            };
        };
        server.FinishReason = text => text.StartsWith("Truncated", StringComparison.Ordinal) ? "length" : "stop";
        foreach (int fault in new[] { 429, 500, 503, FakeOpenAIServer.Hang, FakeOpenAIServer.Garbage, 429, 502 })
        {
            server.Faults.Enqueue(fault);
        }

        var options = Options(GenerationMethod.InstanceGeneration, count: 20);
        options.PriceInputPerMillion = 1m;
        options.PriceOutputPerMillion = 4m;
        var engine = new GenerationEngine(new ChatDataGenerator(server.GeneratorClient("gen-model", TimeSpan.FromSeconds(2))), options);
        string path = Path.Combine(_dir, "ig.jsonl");
        GenerationSummary summary;
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: false))
        {
            summary = await engine.RunAsync(MathSeeds, store);
        }

        var written = await SyntheticDataset.ReadAsync(path);
        Assert.Equal(20, written.Count);
        Assert.Equal(20, written.Select(i => i.Id).Distinct().Count());
        Assert.All(written, i => Assert.Equal((GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gen-model"), (i.Method!.Value, i.Domain!.Value, i.Generator)));
        Assert.Equal(20, summary.Accepted);
        Assert.Equal(server.ChatCompletionsServed, summary.Completions);
        Assert.Equal(server.FaultsServed, summary.TransportRetries);
        Assert.Equal(7, summary.TransportRetries);
        Assert.Equal(summary.Completions - 20, summary.RejectedByReason.Values.Sum());
        Assert.True(summary.RejectedByReason.GetValueOrDefault("parse-failed") > 0);
        Assert.True(summary.RejectedByReason.GetValueOrDefault("unfinished") > 0);
        Assert.Equal(100L * summary.Completions, summary.InputTokens);
        Assert.Equal(20L * summary.Completions, summary.OutputTokens);
        Assert.Equal(((summary.InputTokens * 1m) + (summary.OutputTokens * 4m)) / 1_000_000m, summary.Cost);

        var attempts = File.ReadAllLines(path + ".attempts.jsonl");
        Assert.Equal(summary.Completions, attempts.Length);

        // The paper's sampling settings and the system message reach the endpoint.
        Assert.True(server.ChatRequests.TryPeek(out var request));
        Assert.Equal(0.9, request!["top_p"]!.GetValue<double>(), 3);
        Assert.Equal(1.0, request["temperature"]!.GetValue<double>(), 3);
        Assert.Equal("[END]", request["stop"]!.AsArray()[0]!.GetValue<string>());
        Assert.Equal("system", request["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task ResponseGeneration_ResumesAfterCancellation_WithoutDuplicatesOrRepeatCalls()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = prompt => "Worked answer.\n[RESULT] 1 [/RESULT]";
        var seeds = Enumerable.Range(0, 12).Select(i => new SyntheticInstance { Instruction = $"Problem {i}: compute {i} - {i} + 1.", Response = "1" }).ToArray();
        string path = Path.Combine(_dir, "rg.jsonl");
        var options = Options(GenerationMethod.ResponseGeneration, count: null);
        options.Concurrency = 2;

        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(s =>
        {
            if (s.Accepted >= 5)
            {
                cts.Cancel();
            }
        });
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: false))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(seeds, store, progress, cts.Token));
        }

        int firstRun = (await SyntheticDataset.ReadAsync(path)).Count;
        Assert.InRange(firstRun, 5, 7);

        await Assert.ThrowsAsync<IOException>(() => GenerationRunStore.OpenAsync(path, resume: false));
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: true))
        {
            Assert.Equal(firstRun, store.Existing.Count);
            var summary = await new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(seeds, store);
            Assert.Equal(firstRun, summary.Resumed);
            Assert.Equal(12 - firstRun, summary.Accepted);
        }

        var written = await SyntheticDataset.ReadAsync(path);
        Assert.Equal(Enumerable.Range(0, 12), written.Select(i => i.Index!.Value).Order());
        Assert.All(written, i => Assert.Equal($"Problem {i.Index}: compute {i.Index} - {i.Index} + 1.", i.Instruction));

        // Each seed was answered once, plus at most the requests in flight at the cancellation.
        Assert.InRange(server.ChatCompletionsServed, 12, 12 + options.Concurrency);
    }

    [Fact]
    public async Task DeadEndpoint_OpensTheCircuit_AndKeepsEarlierWork()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "Answer.\n[RESULT] 3 [/RESULT]";
        var seeds = Enumerable.Range(0, 30).Select(i => new SyntheticInstance { Instruction = $"Problem {i}?", Response = "3" }).ToArray();
        string path = Path.Combine(_dir, "dead.jsonl");
        var options = Options(GenerationMethod.ResponseGeneration, count: null);
        options.Concurrency = 1;
        options.CircuitBreakerThreshold = 4;

        int accepted = 0;
        var progress = new SyncProgress(s =>
        {
            accepted = s.Accepted;
            if (s.Accepted == 3)
            {
                for (int i = 0; i < 100; i++)
                {
                    server.Faults.Enqueue(503);
                }
            }
        });
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: false))
        {
            var ex = await Assert.ThrowsAsync<GenerationAbortedException>(() => new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(seeds, store, progress));
            Assert.Contains("circuit is open", ex.Message, StringComparison.Ordinal);
            Assert.Contains("HTTP 503", ex.Message, StringComparison.Ordinal);
        }

        Assert.Equal(3, (await SyntheticDataset.ReadAsync(path)).Count);
        Assert.Equal(4, server.FaultsServed);
    }

    [Fact]
    public async Task RefusedRequest_StopsAtOnce_WithoutRetrying()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Faults.Enqueue(401);
        var options = Options(GenerationMethod.ResponseGeneration, count: 3);
        options.Concurrency = 1;
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, "refused.jsonl"), resume: false);
        var ex = await Assert.ThrowsAsync<GenerationAbortedException>(() => new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(MathSeeds, store));
        Assert.Contains("HTTP 401", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.FaultsServed);
        Assert.Equal(0, server.ChatCompletionsServed);
    }

    [Fact]
    public async Task TooManyRequests_WaitsTheServersRetryAfter_OnTheEnginesClock()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "Answer.\n[RESULT] 3 [/RESULT]";
        server.RetryAfter = "7";
        server.Faults.Enqueue(429);
        var options = Options(GenerationMethod.ResponseGeneration, count: 1);
        options.Concurrency = 1;
        options.RetryDelay = TimeSpan.FromSeconds(1);
        options.MaxRetryDelay = TimeSpan.FromSeconds(60);
        var clock = new TimerWatchingTimeProvider();
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, "retry-after.jsonl"), resume: false);
        var run = new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options, clock).RunAsync(MathSeeds, store);

        // Retry-After with the engine's seeded jitter of at most 10 %; nothing is sent before the clock moves.
        Assert.InRange(await clock.NextTimerAsync(), TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7.7));
        Assert.Equal(1, server.FaultsServed);
        Assert.Equal(0, server.ChatCompletionsServed);
        clock.Advance(TimeSpan.FromSeconds(8));

        var summary = await run;
        Assert.Equal(1, summary.Accepted);
        Assert.Equal(1, summary.TransportRetries);
        Assert.Equal(1, server.ChatCompletionsServed);
    }

    [Fact]
    public async Task Budget_StopsBeforeItIsExceeded()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "Answer.\n[RESULT] 3 [/RESULT]";
        var seeds = Enumerable.Range(0, 50).Select(i => new SyntheticInstance { Instruction = $"Problem {i}?", Response = "3" }).ToArray();
        var options = Options(GenerationMethod.ResponseGeneration, count: null);
        options.Concurrency = 1;
        options.PriceInputPerMillion = 1m;   // 100 input tokens: $0.0001
        options.PriceOutputPerMillion = 1m;  // 20 output tokens: $0.00002
        options.Budget = 0.0006m;            // room for 5 calls of $0.00012
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, "budget.jsonl"), resume: false);
        var summary = await new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(seeds, store);
        Assert.Equal("budget", summary.StoppedReason);
        Assert.Equal(5, summary.Accepted);
        Assert.True(summary.Cost <= options.Budget);
        Assert.Equal(5, server.ChatCompletionsServed);
    }

    [Theory]
    [InlineData(60, null)]     // a bucket of 10 requests, then 1 per second
    [InlineData(null, 18000)]  // a bucket of 3,000 tokens, then 300 per second; 13 calls need ~4,100 (8 first estimates of ~440, then 120 each)
    public async Task RateLimits_HoldRequestsBeyondTheBurst(int? rpm, int? tpm)
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "Answer.\n[RESULT] 3 [/RESULT]";
        var seeds = Enumerable.Range(0, 13).Select(i => new SyntheticInstance { Instruction = $"Problem {i}?", Response = "3" }).ToArray();
        var options = Options(GenerationMethod.ResponseGeneration, count: null);
        options.Concurrency = 8;
        options.RequestsPerMinute = rpm;
        options.TokensPerMinute = tpm;
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, $"limits-{rpm}-{tpm}.jsonl"), resume: false);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var summary = await new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(seeds, store);
        Assert.Equal(13, summary.Accepted);

        // The demand beyond the burst needs at least two further one-second refills.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.5), $"finished in {clock.Elapsed}");
    }

    [Fact]
    public async Task Logs_RetriesAndRejections_WithoutPromptsOrKeys()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        int n = 0;
        server.Chat = _ => Interlocked.Increment(ref n) == 1 ? "no result markers" : "Answer.\n[RESULT] 3 [/RESULT]";
        server.Faults.Enqueue(429);
        var options = Options(GenerationMethod.ResponseGeneration, count: 2);
        options.Concurrency = 1;
        var logger = new CollectingLogger();
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, "logs.jsonl"), resume: false);
        await new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options, logger: logger).RunAsync(MathSeeds, store);

        Assert.Contains(logger.Lines, l => l.StartsWith("Information: Generating response-generation / math with gen-model", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.StartsWith("Warning: response-generation-math-0: HTTP 429; retry 1", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l == "Debug: response-generation-math-0 attempt 1 rejected: math-result-count");
        Assert.Contains(logger.Lines, l => l.StartsWith("Information: Generation finished: 2 accepted, 3 completions, 1 transport retries", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains("test-key", StringComparison.Ordinal) || l.Contains("What is 2 + 3?", StringComparison.Ordinal));
    }

    [SharedDataFact("datasets/gsm8k/train.jsonl")]
    public async Task QualityEnhancement_OverRealGsm8kSeeds_KeepsEverySeedIndex()
    {
        var all = await SyntheticDataset.ReadAsync(SharedData.Path("datasets/gsm8k/train.jsonl"), SyntheticDatasetReadOptions.QuestionAnswer);
        var seeds = all.Take(40).ToArray();
        await using var server = await FakeOpenAIServer.StartAsync();

        // A generator that restates the seed and moves GSM8K's "#### N" answer into the [RESULT] format.
        server.Chat = prompt =>
        {
            string original = prompt[(prompt.LastIndexOf("\nQuestion: ", StringComparison.Ordinal) + "\nQuestion: ".Length)..];
            string question = original[..original.IndexOf("\nAnswer: ", StringComparison.Ordinal)].Trim();
            string answer = original[(original.IndexOf("\nAnswer: ", StringComparison.Ordinal) + "\nAnswer: ".Length)..];
            string final = answer[(answer.LastIndexOf("####", StringComparison.Ordinal) + 4)..].Split('\n')[0].Trim();
            return $"{question}\nRevised Answer: {answer[..answer.LastIndexOf("####", StringComparison.Ordinal)].Trim()}\n[RESULT] {final} [/RESULT]";
        };
        var options = Options(GenerationMethod.QualityEnhancement, count: null);
        string path = Path.Combine(_dir, "qe-gsm8k.jsonl");
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: false))
        {
            var summary = await new GenerationEngine(new ChatDataGenerator(server.ChatClient("g")), options).RunAsync(seeds, store);
            Assert.Equal(40, summary.Accepted);
        }

        var written = (await SyntheticDataset.ReadAsync(path)).OrderBy(i => i.Index).ToArray();
        Assert.Equal(Enumerable.Range(0, 40), written.Select(i => i.Index!.Value));
        for (int i = 0; i < 40; i++)
        {
            Assert.Equal(seeds[i].Instruction.Trim(), written[i].Instruction);
            Assert.EndsWith("[/RESULT]", written[i].Response, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InvalidOptions_ListEveryProblem()
    {
        var options = new GenerationEngineOptions
        {
            Method = GenerationMethod.InstanceGeneration,
            Concurrency = 0,
            MaxAttempts = 0,
            Budget = 5m,
            Template = "no placeholders here",
        };
        var ex = Assert.Throws<ArgumentException>(() => new GenerationEngine(new ChatDataGenerator(new global::OpenAI.Chat.ChatClient("m", new System.ClientModel.ApiKeyCredential("k"), new global::OpenAI.OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:9/v1") }).AsIChatClient()), options));
        foreach (string part in new[] { "Count is required", "Concurrency", "MaxAttempts", "Budget", "<input1>" })
        {
            Assert.Contains(part, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunStore_CutsATornLastLine_OnResume()
    {
        string path = Path.Combine(_dir, "torn.jsonl");
        await File.WriteAllTextAsync(path, "{\"instruction\":\"a\",\"response\":\"b\",\"idx\":0}\n{\"instruction\":\"c\",\"resp");
        await using var store = await GenerationRunStore.OpenAsync(path, resume: true);
        Assert.Single(store.Existing);
        Assert.EndsWith("}\n", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
    }

    private static GenerationEngineOptions Options(GenerationMethod method, int? count) => new()
    {
        Method = method,
        Domain = BenchmarkDomain.Math,
        Count = count,
        Generator = "gen-model",
        Concurrency = 4,
        RetryDelay = TimeSpan.FromMilliseconds(5),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        RandomSeed = 42,
    };

    private sealed class CollectingLogger : Microsoft.Extensions.Logging.ILogger<GenerationEngine>
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
    }

    private sealed class SyncProgress(Action<GenerationSummary> report) : IProgress<GenerationSummary>
    {
        public void Report(GenerationSummary value) => report(value);
    }
}
