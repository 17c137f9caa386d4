using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

/// <summary>The student evaluator's pipeline over a loopback OpenAI-compatible server: refusals are sent once and reported with their reason; passing faults wait on the clock and are retried.</summary>
public sealed class StudentEvaluatorResilienceTests : IDisposable
{
    private static readonly BenchmarkProblem[] Problems = [new("p1", "What is 1 + 1?", "2", 1), new("p2", "What is 2 + 2?", "4", 2)];
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(401, "Incorrect API key provided")]
    [InlineData(400, "The model 'student' does not exist")]
    [InlineData(403, "Project lacks access")]
    public async Task ARefusal_IsSentOnce_AndReportedWithItsReason(int status, string reason)
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "2";
        server.FaultMessage = reason;
        for (int i = 0; i < 10; i++)
        {
            server.Faults.Enqueue(status);
        }

        string predictions = Path.Combine(_temp.Path, "predictions.jsonl");
        var clock = new TimerWatchingTimeProvider();
        var error = await Assert.ThrowsAsync<EvaluationAbortedException>(() => StudentEvaluator.RunAsync(server.ChatClient("student"), "gsm8k", Problems, predictions, new StudentEvaluationOptions { Concurrency = 1, MaxRetries = 5, TimeProvider = clock }));

        Assert.Equal(1, server.FaultsServed);                    // one request only: no retry, no second problem
        Assert.Equal(0, server.ChatCompletionsServed);
        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains("problem p1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", error.Message, StringComparison.Ordinal);
        Assert.Empty(clock.DueTimes);                            // nothing waited for a retry
    }

    [Fact]
    public async Task PassingFaults_WaitOnTheClock_ThenSucceed()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "2";
        server.Faults.Enqueue(503);
        server.Faults.Enqueue(500);
        var clock = new TimerWatchingTimeProvider();
        var options = new StudentEvaluationOptions { Concurrency = 1, MaxRetries = 3, RetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromMinutes(1), TimeProvider = clock };
        var run = StudentEvaluator.RunAsync(server.ChatClient("student"), "gsm8k", Problems[..1], Path.Combine(_temp.Path, "predictions.jsonl"), options);

        foreach (int served in new[] { 1, 2 })
        {
            var due = await clock.NextTimerAsync();
            Assert.InRange(due, TimeSpan.FromTicks(1), options.MaxRetryDelay);
            Assert.False(run.IsCompleted);
            Assert.Equal(served, server.FaultsServed);            // the retry waits for the clock
            Assert.Equal(0, server.ChatCompletionsServed);
            clock.Advance(options.MaxRetryDelay);
        }

        var (answered, failed) = await run;
        Assert.Equal(1, answered);
        Assert.Empty(failed);
        Assert.Equal(1, server.ChatCompletionsServed);
    }

    [Fact]
    public async Task EachRetry_IsAnOnRetryEvent_OnPollysMeter_UnderThePipelinesName()
    {
        var events = new System.Collections.Concurrent.ConcurrentQueue<(string? Pipeline, string? Event)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Polly" && instrument.Name == "resilience.polly.strategy.events")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, _, tags, _) =>
        {
            string? pipeline = null, name = null;
            foreach (var tag in tags)
            {
                pipeline = tag.Key == "pipeline.name" ? tag.Value as string : pipeline;
                name = tag.Key == "event.name" ? tag.Value as string : name;
            }

            events.Enqueue((pipeline, name));
        });
        listener.Start();

        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "2";
        server.Faults.Enqueue(503);
        var options = new StudentEvaluationOptions { Concurrency = 1, RetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };
        var (answered, _) = await StudentEvaluator.RunAsync(server.ChatClient("student"), "gsm8k", Problems[..1], Path.Combine(_temp.Path, "predictions.jsonl"), options);

        Assert.Equal(1, answered);
        Assert.Contains(("AgoraBench.StudentEvaluation", "OnRetry"), events);
    }

    [Fact]
    public async Task TooManyRequests_HonoursRetryAfter_UpToTheCap()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "2";
        server.RetryAfter = "20";
        server.Faults.Enqueue(429);
        server.Faults.Enqueue(429);
        var clock = new TimerWatchingTimeProvider();
        var options = new StudentEvaluationOptions { Concurrency = 1, MaxRetries = 3, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromSeconds(30), TimeProvider = clock };
        var run = StudentEvaluator.RunAsync(server.ChatClient("student"), "gsm8k", Problems[..1], Path.Combine(_temp.Path, "predictions.jsonl"), options);

        Assert.Equal(TimeSpan.FromSeconds(20), await clock.NextTimerAsync());
        server.RetryAfter = "600";                                 // beyond the cap: waits MaxRetryDelay
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(30), await clock.NextTimerAsync());
        clock.Advance(TimeSpan.FromSeconds(30));

        var (answered, _) = await run;
        Assert.Equal(1, answered);
        Assert.Equal(2, server.FaultsServed);
    }

    [Fact]
    public async Task PassingFaults_BeyondMaxRetries_RecordTheProblemAsFailed()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "2";
        for (int i = 0; i < 3; i++)
        {
            server.Faults.Enqueue(502);
        }

        var options = new StudentEvaluationOptions { Concurrency = 1, MaxRetries = 2, RetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero };
        var (answered, failed) = await StudentEvaluator.RunAsync(server.ChatClient("student"), "gsm8k", Problems, Path.Combine(_temp.Path, "predictions.jsonl"), options);

        Assert.Equal(["p1"], failed);                            // three requests: the first and two retries
        Assert.Equal(1, answered);
        Assert.Equal(3, server.FaultsServed);
    }
}
