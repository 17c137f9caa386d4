using System.ClientModel;
using AgoraBench.OpenAI;
using AgoraBench.OpenAI.Tests;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgoraBench.Tests.Generation;

/// <summary>
/// Instance-generation prompts show instances generated so far, so a restarted run would write different prompts for
/// the items it still owes. These tests pin that a resumed run sends the issued-but-unanswered prompts word for word.
/// </summary>
public sealed class InstanceGenerationRestartTests : IDisposable
{
    private static readonly SyntheticInstance[] Seeds =
    [
        new() { Instruction = "What is 2 + 3?", Response = "2 + 3 = 5.\n[RESULT] 5 [/RESULT]" },
        new() { Instruction = "What is 7 * 6?", Response = "7 * 6 = 42.\n[RESULT] 42 [/RESULT]" },
        new() { Instruction = "What is 10 / 2?", Response = "10 / 2 = 5.\n[RESULT] 5 [/RESULT]" },
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("agb-ig-restart-").FullName;
    private int _answers;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Answer()
    {
        int n = Interlocked.Increment(ref _answers);
        return $"Question {n}: a box holds {n} red and {n + 1} blue marbles; how many marbles are in it?\nOUTPUT: {n} + {n + 1} = {(2 * n) + 1}.\n[RESULT] {(2 * n) + 1} [/RESULT]";
    }

    private static GenerationEngineOptions Options(int count, int concurrency) => new()
    {
        Method = GenerationMethod.InstanceGeneration,
        Domain = BenchmarkDomain.Math,
        Generator = "gen",
        Count = count,
        Concurrency = concurrency,
        RandomSeed = 7,
    };

    [Fact]
    public async Task AResumedRun_SendsThePromptsItIssuedAndNeverGotAnswered_WordForWord()
    {
        string path = Path.Combine(_dir, "ig-math.jsonl");
        var first = new ScriptedClient(Answer, answerFirst: 3);
        using (var cts = new CancellationTokenSource())
        {
            await using var store = await GenerationRunStore.OpenAsync(path, resume: false);
            var run = new GenerationEngine(new ChatDataGenerator(first), Options(count: 8, concurrency: 8)).RunAsync(Seeds, store, cancellationToken: cts.Token);
            await first.HeldAsync(5);
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        var unanswered = first.Held;
        Assert.Equal(5, unanswered.Count);
        Assert.Equal(3, File.ReadAllLines(path).Length);

        var second = new ScriptedClient(Answer, answerFirst: int.MaxValue);
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: true))
        {
            Assert.Equal(5, store.Outstanding.Count);
            var summary = await new GenerationEngine(new ChatDataGenerator(second), Options(count: 8, concurrency: 8)).RunAsync(Seeds, store);
            Assert.Equal(5, summary.Accepted);
        }

        Assert.Equal(5, second.Prompts.Count);
        Assert.Equal(unanswered.Order(StringComparer.Ordinal), second.Prompts.Order(StringComparer.Ordinal));
        var rows = await SyntheticDataset.ReadAsync(path);
        Assert.Equal(8, rows.Count);
        Assert.Equal(8, rows.Select(r => r.Id).Distinct().Count());

        // A third open owes nothing: every issued prompt now has its completion.
        await using var done = await GenerationRunStore.OpenAsync(path, resume: true);
        Assert.Empty(done.Outstanding);
    }

    [Fact]
    public async Task ARestartWhileTheSecondBatchIsPending_ReattachesToIt_AfterTheFirstBatchsInstancesWereAccepted()
    {
        await using var server = await FakeBatchServer.StartAsync();
        server.Answer = _ => Answer();
        // The first batch completes at once; the second runs for 30 more polls, long enough to kill the run under it.
        server.Script = n => n == 1 ? new BatchScript() : new BatchScript { Statuses = [.. Enumerable.Repeat("in_progress", 30), "completed"] };
        var api = new OpenAIClient(new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.Endpoint });
        var batchOptions = new OpenAIBatchOptions
        {
            StateDirectory = Path.Combine(_dir, "batch"),
            MaxRequestsPerBatch = 5,
            FlushDelay = TimeSpan.FromMilliseconds(300),
            PollInterval = TimeSpan.FromMilliseconds(20),
            MaxPollInterval = TimeSpan.FromMilliseconds(40),
        };
        string path = Path.Combine(_dir, "ig-math.jsonl");

        using (var cts = new CancellationTokenSource())
        {
            await using var client = await OpenAIBatchChatClient.OpenAsync(api, "gen", batchOptions);
            await using var store = await GenerationRunStore.OpenAsync(path, resume: false);
            var run = new GenerationEngine(new ChatDataGenerator(client), Options(count: 10, concurrency: 10)).RunAsync(Seeds, store, cancellationToken: cts.Token);
            // The first batch's instances reach the run file through the loopback batch server: a generous bound for a
            // loaded machine (4 s was too short there), stopping early if the run ends.
            var deadline = TimeProvider.System.GetUtcNow().AddMinutes(2);
            while ((!File.Exists(path) || File.ReadAllLines(path).Length < 5) && !run.IsCompleted && TimeProvider.System.GetUtcNow() < deadline)
            {
                await Task.Delay(10);
            }

            Assert.Equal(5, File.ReadAllLines(path).Length);
            Assert.Equal(2, server.BatchesCreated);
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        }

        await using (var client = await OpenAIBatchChatClient.OpenAsync(api, "gen", batchOptions))
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: true))
        {
            var summary = await new GenerationEngine(new ChatDataGenerator(client), Options(count: 10, concurrency: 10)).RunAsync(Seeds, store);

            Assert.Equal(5, summary.Accepted);
            Assert.Equal(0, client.Statistics.Submitted);
        }

        Assert.Equal(2, server.BatchesCreated);
        Assert.Equal(10, server.RequestsAnswered);
        Assert.Equal(10, (await SyntheticDataset.ReadAsync(path)).Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task ADamagedIssuedLog_IsAnErrorNamingTheFileAndLine_AndAFreshRunDiscardsAStaleOne()
    {
        string path = Path.Combine(_dir, "ig-math.jsonl");
        await File.WriteAllTextAsync(path + ".issued.jsonl", "{\"item\": \"instance-generation-math-0\", \"number\": 0, \"attempt\": 1, \"prompt\": \"p\"}\n{\"item\": 3}\n");

        var error = await Assert.ThrowsAsync<DataValidationException>(() => GenerationRunStore.OpenAsync(path, resume: true));
        Assert.Contains("ig-math.jsonl.issued.jsonl", error.Message, StringComparison.Ordinal);
        Assert.Contains("ig-math.jsonl.issued.jsonl:2", error.Message, StringComparison.Ordinal);

        await using var fresh = await GenerationRunStore.OpenAsync(path, resume: false);
        Assert.Empty(fresh.Outstanding);
        Assert.False(File.Exists(fresh.IssuedPath));
    }

    /// <summary>Answers its first calls and holds the rest until they are cancelled, recording every prompt.</summary>
    private sealed class ScriptedClient(Func<string> answer, int answerFirst) : IChatClient
    {
        private readonly Lock _gate = new();
        private readonly List<string> _prompts = [];
        private readonly List<string> _held = [];
        private readonly List<(int Count, TaskCompletionSource Reached)> _heldWaiters = [];

        public IReadOnlyList<string> Prompts
        {
            get
            {
                lock (_gate)
                {
                    return [.. _prompts];
                }
            }
        }

        public IReadOnlyList<string> Held
        {
            get
            {
                lock (_gate)
                {
                    return [.. _held];
                }
            }
        }

        /// <summary>Completes when <paramref name="count"/> calls are being held: signalled by the calls themselves, not polled.</summary>
        public Task HeldAsync(int count)
        {
            lock (_gate)
            {
                if (_held.Count >= count)
                {
                    return Task.CompletedTask;
                }

                var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _heldWaiters.Add((count, reached));
                return reached.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }
        }

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            string prompt = string.Join("\n", messages.Select(m => m.Text));
            bool hold;
            lock (_gate)
            {
                _prompts.Add(prompt);
                hold = _prompts.Count > answerFirst;
                if (hold)
                {
                    _held.Add(prompt);
                    foreach (var waiter in _heldWaiters.Where(w => w.Count <= _held.Count).ToArray())
                    {
                        waiter.Reached.TrySetResult();
                        _heldWaiters.Remove(waiter);
                    }
                }
            }

            if (hold)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer())) { FinishReason = ChatFinishReason.Stop };
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
