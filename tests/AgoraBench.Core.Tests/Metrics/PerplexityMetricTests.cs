using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Metrics;

public sealed class PerplexityMetricTests : IAsyncLifetime, IDisposable
{
    private FakeOpenAIServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private PerplexityMetric Metric() => new(new CompletionsLogProbabilityScorer(_http, new CompletionsLogProbabilityScorerOptions
    {
        Endpoint = _server.Endpoint,
        Model = "meta-llama/Llama-3.1-8B",
        RetryDelay = TimeSpan.FromMilliseconds(5),
    }));

    [Fact]
    public async Task KnownLogProbabilities_GiveExactPerplexity()
    {
        // Instruction "Q: 2+2?" (7 chars) + response " 4 ok" → tokens "Q:", " 2+2?", " 4", " ok"; the response tokens
        // start at offset 7 and have log-probabilities ln 0.5 and ln 0.25.
        _server.Complete = prompt => (["Q:", " 2+2?", " 4", " ok"], [null, -3.0, Math.Log(0.5), Math.Log(0.25)], [0, 2, 7, 9]);

        var result = await Metric().ComputeAsync([new SyntheticInstance { Instruction = "Q: 2+2?", Response = " 4 ok" }]);

        double expected = Math.Exp(-(Math.Log(0.5) + Math.Log(0.25)) / 2);
        Assert.Equal(expected, result.Value!.Value, 12);
        Assert.Equal(-(Math.Log(0.5) + Math.Log(0.25)) / 2, result.Details["mean_nll"], 12);
        Assert.Equal(2, result.Details["response_tokens"]);
    }

    [Fact]
    public async Task DatasetValue_IsTheMeanOfPerItemPerplexities()
    {
        _server.Complete = prompt => prompt.StartsWith('A')
            ? (["A", "x"], [null, Math.Log(0.5)], [0, 1])
            : (["B", "y", "z"], [null, Math.Log(0.1), Math.Log(0.1)], [0, 1, 2]);

        var result = await Metric().ComputeAsync([new() { Instruction = "A", Response = "x" }, new() { Instruction = "B", Response = "yz" }]);

        Assert.Equal((2.0 + 10.0) / 2, result.Value!.Value, 9);
        Assert.Equal(Math.Exp(-(Math.Log(0.5) + (2 * Math.Log(0.1))) / 3), result.Details["token_weighted_perplexity"], 9);
        Assert.Equal(6, result.Details["median"], 9);
    }

    [Fact]
    public async Task EmptyResponses_AreDiagnostics_AndServerErrorsAreRetried()
    {
        _server.Complete = prompt => (["A", "x"], [null, Math.Log(0.5)], [0, 1]);
        _server.Faults.Enqueue(500);
        _server.Faults.Enqueue(429);

        var result = await Metric().ComputeAsync([new() { Instruction = "A", Response = "x" }, new() { Instruction = "B", Response = string.Empty }]);

        Assert.Equal(2, result.Value!.Value, 9);
        Assert.Equal([(1, "empty-response")], result.Diagnostics.Select(d => (d.Index!.Value, d.Code)));
        Assert.Equal(1, _server.CompletionRequests);
        Assert.Empty(_server.Faults);
    }

    [Fact]
    public void Parse_StraddlingTokenBelongsToTheContext_AndGeneratedTokenIsIgnored()
    {
        const string Json = """{"choices":[{"logprobs":{"tokens":["ab","cd","ef","!"],"token_logprobs":[null,-1.0,-2.0,-9.0],"text_offset":[0,2,4,6]}}],"usage":{"prompt_tokens":3}}""";
        var scored = CompletionsLogProbabilityScorer.Parse(Json, boundary: 3, promptLength: 6);
        Assert.Equal([-2.0], scored.LogProbabilities);
        Assert.Equal(3, scored.InputTokens);
    }

    [Fact]
    public async Task Runner_WritesTheDocumentedJson()
    {
        _server.Complete = prompt => (["A", "x"], [null, Math.Log(0.5)], [0, 1]);
        var report = await IntrinsicMetricsRunner.RunAsync([new() { Instruction = "A", Response = "x" }, new() { Instruction = "A", Response = "" }], [Metric()]);

        using var json = JsonDocument.Parse(report.ToJson());
        var ppl = json.RootElement.GetProperty("metrics").GetProperty("response-perplexity");
        Assert.Equal(2, ppl.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(1, ppl.GetProperty("count").GetInt32());
        Assert.Equal(1, ppl.GetProperty("failed").GetInt32());
        Assert.Equal(1, ppl.GetProperty("failures").GetProperty("empty-response").GetInt32());
    }
}
