using System.ClientModel;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AgoraBench.OpenAI.Tests;

public sealed class OpenAIBatchChatClientTests : IAsyncLifetime
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "agorabench-batch-tests-" + Guid.NewGuid().ToString("N"));
    private FakeBatchServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBatchServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private Task<OpenAIBatchChatClient> OpenAsync(string? state = null, TimeProvider? clock = null) => OpenAIBatchChatClient.OpenAsync(
        new global::OpenAI.OpenAIClient(new ApiKeyCredential("test-key"), new global::OpenAI.OpenAIClientOptions { Endpoint = _server.Endpoint }),
        "gpt-4o-mini",
        new OpenAIBatchOptions { StateDirectory = state ?? _state, FlushDelay = TimeSpan.FromMilliseconds(30), PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(40), TimeProvider = clock ?? TimeProvider.System },
        _server.Endpoint,
        "AGORABENCH_BATCH_TEST_KEY");

    private static Task<ChatResponse>[] Ask(IChatClient client, int count, CancellationToken cancellationToken = default) =>
        [.. Enumerable.Range(0, count).Select(i => client.GetResponseAsync($"question {i}", new ChatOptions { Temperature = 0 }, cancellationToken))];

    [Fact]
    public async Task CompletedWithPartialErrors_RetryableOnesGoToTheNextBatch_AndOthersFailLikeAnOnlineCall()
    {
        string? refused = null;
        var failing = new HashSet<string>();
        _server.Script = n => n == 1 ? new BatchScript { Fail = id => failing.Contains(id) ? (id == refused ? 400 : 500) : null } : new BatchScript();
        _server.Answer = body => "answer to " + body["messages"]![0]!["content"]!.GetValue<string>();
        await using var client = await OpenAsync();

        // Hold the first batch, read the custom ids it carries, then script failures for six of them.
        _server.Release = false;
        var tasks = Ask(client, 30);
        await client.FlushAsync();
        var firstBatch = _server.Batches.Values.Single();
        var ids = firstBatch.Lines.Select(l => l["custom_id"]!.GetValue<string>()).ToArray();
        foreach (string id in ids.Take(6))
        {
            failing.Add(id);
        }

        refused = ids[5];
        _server.Release = true;
        var results = await Task.WhenAll(tasks.Select(async t => { try { return (Text: (await t).Text, Error: (Exception?)null); } catch (HttpRequestException ex) { return (Text: (string?)null, Error: (Exception?)ex); } }));

        Assert.Equal(29, results.Count(r => r.Text is not null));
        Assert.All(Enumerable.Range(0, 30).Where(i => results[i].Text is not null), i => Assert.Equal($"answer to question {i}", results[i].Text));
        var error = Assert.IsType<HttpRequestException>(results.Single(r => r.Error is not null).Error);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(2, _server.BatchesCreated);
        Assert.Equal(5, _server.Batches.Values.Single(b => b.Number == 2).Lines.Length);
        Assert.Equal(new OpenAIBatchStatistics(2, 35, 29, 1, 5, 0), client.Statistics);
    }

    [Fact]
    public async Task AnExpiredBatch_IsResubmitted_ForTheRequestsItLeftUnprocessed()
    {
        _server.Script = n => n == 1 ? new BatchScript { Statuses = ["validating", "in_progress", "expired"], Processed = 8 } : new BatchScript();
        // The client's flush and poll timers run on a FakeTimeProvider: the twenty calls are queued before its clock
        // moves, so the first batch holds all of them however slowly a loaded machine issues them.
        var clock = new FakeTimeProvider();
        await using var client = await OpenAsync(clock: clock);

        var all = Task.WhenAll(Ask(client, 20));
        var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
        while (!all.IsCompleted && TimeProvider.System.GetUtcNow() < deadline)
        {
            clock.Advance(TimeSpan.FromMilliseconds(40));
            await Task.WhenAny(all, Task.Delay(10)); // lets the loopback server answer; nothing is asserted on it
        }

        var answers = await all;
        Assert.Equal(20, _server.Batches.Values.Single(b => b.Number == 1).Lines.Length);
        Assert.Equal(20, answers.Select(a => a.Text).Distinct().Count());
        Assert.Equal(12, _server.Batches.Values.Single(b => b.Number == 2).Lines.Length);
        Assert.Equal(20, _server.RequestsAnswered);
        Assert.Equal(100, answers[0].Usage!.InputTokenCount);
    }

    [Fact]
    public async Task AFailedBatch_FailsItsCallsWithTheApisMessage_UnlessTheFailureCanPass()
    {
        _server.Script = n => n switch
        {
            1 => new BatchScript { Statuses = ["validating", "failed"], Errors = [new JsonObject { ["code"] = "token_limit_exceeded", ["message"] = "Enqueued token limit reached." }] },
            2 => new BatchScript { Statuses = ["validating", "failed"], Errors = [new JsonObject { ["code"] = "invalid_request", ["line"] = 1, ["message"] = "Model not found." }] },
            _ => new BatchScript(),
        };
        await using var client = await OpenAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Task.WhenAll(Ask(client, 4)));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("invalid_request: Model not found.", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _server.BatchesCreated);
    }

    [Fact]
    public async Task ARestartWhileABatchIsPending_ReattachesInsteadOfPayingAgain_AndLaterRunsReplay()
    {
        _server.Release = false;
        var first = await OpenAsync();
        using var stop = new CancellationTokenSource();
        var abandoned = Ask(first, 10, stop.Token);
        await first.FlushAsync();
        Assert.Equal(1, _server.BatchesCreated);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Task.WhenAll(abandoned));
        await first.DisposeAsync();

        // A new process: the same requests find their batch still running and wait for it.
        await using (var second = await OpenAsync())
        {
            var waiting = Ask(second, 10);

            // The second client has found the pending batch and polled it three times instead of submitting its own.
            await _server.WhenPolledAsync(3).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(1, _server.BatchesCreated);
            Assert.Contains(await second.GetBatchesAsync(), b => b.Status == "validating" && b.Requests == 10 && !b.Collected);
            _server.Release = true;
            var answers = await Task.WhenAll(waiting);
            Assert.Equal("answer to question 9", answers[9].Text);
            Assert.Equal(0, second.Statistics.Submitted);
        }

        // And a third: every answer is on disk; nothing is sent.
        await using var third = await OpenAsync();
        var replayed = await Task.WhenAll(Ask(third, 10));
        Assert.Equal(10, third.Statistics.Replayed);
        Assert.Equal(1, _server.BatchesCreated);
        Assert.Equal(10, _server.RequestsAnswered);
        Assert.Equal("answer to question 3", replayed[3].Text);
    }

    [Fact]
    public async Task Cancel_StopsTheBatch_KeepsWhatItFinished_AndFailsTheRestWith499()
    {
        _server.Release = false;
        _server.Script = _ => new BatchScript { Processed = 4 };
        await using var client = await OpenAsync();
        var tasks = Ask(client, 10);
        await client.FlushAsync();

        var cancelled = await client.CancelAsync();

        Assert.Equal(["batch_1"], cancelled);
        var outcomes = await Task.WhenAll(tasks.Select(async t => { try { await t; return 200; } catch (HttpRequestException ex) { return (int)ex.StatusCode!.Value; } }));
        Assert.Equal(4, outcomes.Count(o => o == 200));
        Assert.Equal(6, outcomes.Count(o => o == 499));
        Assert.Equal("cancelled", (await client.GetBatchesAsync(refresh: false)).Single().Status);
    }

    [Fact]
    public async Task TheGenerationEngine_RunsInBatchMode_WithRejectedAnswersReaskedInTheNextRound()
    {
        int asked = 0;
        _server.Answer = body =>
        {
            int n = Interlocked.Increment(ref asked);
            return n % 7 == 0 ? "no output marker here" : $"Problem {n}: what is {n} + 1?\nOUTPUT: {n} + 1 = {n + 1}.\n[RESULT] {n + 1} [/RESULT]";
        };
        await using var client = await OpenAsync();
        SyntheticInstance[] seeds =
        [
            new() { Instruction = "What is 2 + 3?", Response = "2 + 3 = 5.\n[RESULT] 5 [/RESULT]" },
            new() { Instruction = "What is 7 * 6?", Response = "7 * 6 = 42.\n[RESULT] 42 [/RESULT]" },
        ];
        var engine = new GenerationEngine(new ChatDataGenerator(client, new ChatDataGeneratorOptions { ModelId = "gpt-4o-mini" }), new GenerationEngineOptions
        {
            Method = GenerationMethod.InstanceGeneration,
            Domain = BenchmarkDomain.Math,
            Count = 40,
            Generator = "gpt-4o-mini",
            Concurrency = 40,
            PriceInputPerMillion = 0.075m,
            PriceOutputPerMillion = 0.30m,
        });
        string path = Path.Combine(_state, "data.jsonl");
        Directory.CreateDirectory(_state);
        GenerationSummary summary;
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: false))
        {
            summary = await engine.RunAsync(seeds, store);
        }

        Assert.Equal(40, (await SyntheticDataset.ReadAsync(path)).Count);
        Assert.True(_server.BatchesCreated >= 2, "rejected answers go into a later batch");
        Assert.Equal(summary.Completions, _server.RequestsAnswered);
        Assert.Equal(summary.Completions * ((100 * 0.075m) + (20 * 0.30m)) / 1_000_000m, summary.Cost);
    }
}
