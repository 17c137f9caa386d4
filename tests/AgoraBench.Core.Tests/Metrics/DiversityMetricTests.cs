using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Metrics;

public sealed class DiversityMetricTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<IntrinsicMetricResult> Diversity(Dictionary<string, float[]> vectors, DiversityTarget target = DiversityTarget.Response, DiversityMetricOptions? options = null)
    {
        _server.Embed = text => vectors[text];
        var metric = new DiversityMetric(_server.EmbeddingGenerator(), target, options);
        return await metric.ComputeAsync([.. vectors.Keys.Select(k => new SyntheticInstance { Instruction = k, Response = k })]);
    }

    [Fact]
    public async Task IdenticalEmbeddings_HaveDistanceZero() =>
        Assert.Equal(0, (await Diversity(new() { ["a"] = [1, 2, 3], ["b"] = [2, 4, 6], ["c"] = [0.5f, 1, 1.5f] })).Value!.Value, 6);

    [Fact]
    public async Task OrthogonalEmbeddings_HaveDistanceOne() =>
        Assert.Equal(1, (await Diversity(new() { ["a"] = [1, 0, 0], ["b"] = [0, 5, 0], ["c"] = [0, 0, 2] })).Value!.Value, 6);

    [Fact]
    public async Task AntipodalEmbeddings_HaveDistanceTwo()
    {
        var result = await Diversity(new() { ["a"] = [3, 4], ["b"] = [-3, -4] }, DiversityTarget.Instruction);
        Assert.Equal("instruction-diversity", result.Name);
        Assert.Equal(2, result.Value!.Value, 6);
        Assert.Equal(1, result.Details["distance_to_centroid"], 6);
    }

    [Fact]
    public async Task DistanceToCentroid_IsAnOption()
    {
        // Unit vectors at 0° and 90°: centroid at 45°, cosine to it √2/2 for both.
        var result = await Diversity(new() { ["a"] = [1, 0], ["b"] = [0, 1] }, options: new DiversityMetricOptions { Measure = DiversityMeasure.DistanceToCentroid });
        Assert.Equal(1 - (Math.Sqrt(2) / 2), result.Value!.Value, 6);
        Assert.Equal(1, result.Details["mean_pairwise_distance"], 6);
    }

    [Fact]
    public async Task EmptyTextsAndZeroVectors_AreDiagnostics_AndBatchesAreUsed()
    {
        _server.Embed = text => text == "zero" ? [0, 0] : [1, text.Length];
        var metric = new DiversityMetric(_server.EmbeddingGenerator(), DiversityTarget.Response, new DiversityMetricOptions { BatchSize = 2 });
        var items = new[] { "x", "", "zero", "abc", "abcd" }.Select(r => new SyntheticInstance { Instruction = "i", Response = r }).ToArray();

        var result = await metric.ComputeAsync(items);

        Assert.Equal(3, result.Count);
        Assert.Equal(2, result.Failed);
        Assert.Equal([(1, "empty-response"), (2, "zero-vector")], result.Diagnostics.Select(d => (d.Index!.Value, d.Code)));
        Assert.Equal(2, _server.EmbeddingRequests);
        Assert.NotNull(result.Value);
    }

    [Fact]
    public async Task FailedBatch_IsRecorded_OthersStillCount()
    {
        _server.Embed = text => [1, text.Length];
        _server.Faults.Enqueue(500);
        var metric = new DiversityMetric(_server.EmbeddingGenerator(), DiversityTarget.Response, new DiversityMetricOptions { BatchSize = 2, Concurrency = 1 });
        var items = new[] { "a", "bb", "ccc", "dddd" }.Select(r => new SyntheticInstance { Instruction = "i", Response = r }).ToArray();

        var result = await metric.ComputeAsync(items);

        Assert.Equal(2, result.Count);
        Assert.Equal(["request-failed", "request-failed"], result.Diagnostics.Select(d => d.Code));
    }

    [Theory]
    [InlineData(2, 3)]
    [InlineData(300, 64)]
    [InlineData(257, 1024)]
    public void FastPairwiseMean_EqualsTheNaivePairwiseMean(int n, int d)
    {
        var random = new Random(n * 31 + d);
        float[] data = [.. Enumerable.Range(0, n * d).Select(_ => (float)((random.NextDouble() * 2) - 1 + 0.3))];

        double fast = PairwiseCosine.MeanPairwiseDistance(data, d);
        double naive = DoublePrecisionNaive(data, n, d);

        Assert.True(Math.Abs(fast - naive) <= 1e-6 * Math.Abs(naive), $"fast {fast}, naive {naive}");
        Assert.True(Math.Abs(PairwiseCosine.NaiveMeanPairwiseDistance(data, d) - naive) <= 1e-5 * Math.Abs(naive), "the float naive loop (the benchmark baseline) agrees too");
    }

    private static double DoublePrecisionNaive(float[] data, int n, int d)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double dot = 0, a = 0, b = 0;
                for (int k = 0; k < d; k++)
                {
                    double x = data[(i * d) + k], y = data[(j * d) + k];
                    dot += x * y;
                    a += x * x;
                    b += y * y;
                }

                total += 1 - (dot / Math.Sqrt(a * b));
            }
        }

        return total / (n * (n - 1) / 2.0);
    }
}
