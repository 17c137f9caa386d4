using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Metrics;

public sealed class RewardModelMetricTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Scores_AreAveraged_EmptyAndFailedAreDiagnostics()
    {
        _server.Reward = (_, response) => response.Length - 2;
        var scorer = new HttpRewardModelScorer(_http, new Uri(_server.Endpoint, "/reward"));
        _server.Faults.Enqueue(500); // the first request fails
        var metric = new RewardModelMetric(scorer, concurrency: 1);

        var result = await metric.ComputeAsync(
        [
            new() { Instruction = "q", Response = "abcd" },
            new() { Instruction = "q", Response = "abcdef" },
            new() { Instruction = "q", Response = "" },
            new() { Instruction = "q", Response = "abc" },
        ]);

        Assert.Equal("reward-model-quality", result.Name);
        Assert.Equal([null, 4.0, null, 1.0], result.Items);
        Assert.Equal(2.5, result.Value);
        Assert.Equal((2, 2), (result.Count, result.Failed));
        Assert.Equal([(0, "request-failed"), (2, "empty-response")], result.Diagnostics.Select(d => (d.Index!.Value, d.Code)));
    }

    [Fact]
    public void Usage_CostsTokensAtAPrice() =>
        Assert.Equal((2_000_000 * 2.5 + 500_000 * 10) / 1e6, new MetricUsage(3, 2_000_000, 500_000).CostUsd(2.5, 10), 12);
}
