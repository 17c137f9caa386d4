using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

public sealed class ScoreCommandTests : IAsyncLifetime
{
    // The five built-in metric names as docs/metrics.md lists them (the library keeps its constants internal).
    private static readonly string[] BuiltInMetricNames = ["instruction-difficulty", "response-quality", "response-perplexity", "instruction-diversity", "response-diversity"];

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Score_AllFiveMetrics_WritesTheDocumentedJson()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl",
            "{\"instruction\": \"What is 2+2?\", \"response\": \"4\"}\n"
            + "{\"instruction\": \"What is 3+3?\", \"response\": \"6\"}\n"
            + "{\"instruction\": \"Empty?\", \"response\": \"\"}\n");
        _server.Chat = prompt => prompt.Contains("Create a math problem", StringComparison.Ordinal) ? "Feedback: easy. [RESULT] 1" : "Feedback: right. [RESULT] 5";
        _server.Embed = text => text.Contains('2', StringComparison.Ordinal) ? [1, 0] : [0, 1];
        _server.Complete = prompt => ([prompt[..^1], prompt[^1..]], [null, Math.Log(0.5)], [0, prompt.Length - 1]);
        string endpoint = _server.Endpoint.ToString();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "score", "--data", data, "--domain", "math", "--metrics", string.Join(",", BuiltInMetricNames),
            "--judge-model", "judge", "--judge-endpoint", endpoint, "--embedding-model", "emb", "--embedding-endpoint", endpoint,
            "--perplexity-model", "base", "--perplexity-endpoint", endpoint, "--out", files.PathOf("metrics.json"));

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("response-quality: 5.0000 (scored 2, failed 1", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("metrics.json")));
        var metrics = json.RootElement.GetProperty("metrics");
        Assert.Equal(1, metrics.GetProperty("instruction-difficulty").GetProperty("mean").GetDouble());
        Assert.Equal(3, metrics.GetProperty("instruction-difficulty").GetProperty("count").GetInt32());
        Assert.Equal(5, metrics.GetProperty("response-quality").GetProperty("mean").GetDouble());
        Assert.Equal(1, metrics.GetProperty("response-quality").GetProperty("failures").GetProperty("empty-response").GetInt32());
        Assert.Equal(2, metrics.GetProperty("response-perplexity").GetProperty("mean").GetDouble(), 9);
        Assert.Equal(2.0 / 3, metrics.GetProperty("instruction-diversity").GetProperty("mean").GetDouble(), 6); // distances 1, 1, 0
        Assert.Equal(1, metrics.GetProperty("response-diversity").GetProperty("failed").GetInt32());
    }

    [Fact]
    public async Task Score_PerplexityOnnx_ScoresLocally()
    {
        using var files = new TempFiles();
        string model = Directory.CreateDirectory(files.PathOf("model")).FullName;
        File.WriteAllBytes(Path.Combine(model, "model.onnx"), AgoraBench.Onnx.Tests.TinyOnnxModel.Bigram(new float[,] { { 0, 2 }, { 2, 0 } }));
        File.WriteAllText(Path.Combine(model, "vocab.json"), "{\"a\": 0, \"b\": 1}");
        File.WriteAllText(Path.Combine(model, "merges.txt"), "#version: 0.2\n");
        string data = files.Write("gen.jsonl", "{\"instruction\": \"a\", \"response\": \"bab\"}\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("score", "--data", data, "--domain", "code", "--metrics", "response-perplexity", "--perplexity-onnx", model, "--out", files.PathOf("m.json"));

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("m.json")));
        double expected = Math.Exp(-Math.Log(Math.Exp(2) / (Math.Exp(2) + 1)));
        Assert.Equal(expected, json.RootElement.GetProperty("metrics").GetProperty("response-perplexity").GetProperty("mean").GetDouble(), 4);
    }

    [Fact]
    public async Task Score_MissingModelsAndUnknownMetrics_AreAllReported()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", "{\"instruction\": \"q\", \"response\": \"a\"}\n");
        var (exitCode, _, error) = await CliRunner.RunAsync("score", "--data", data, "--domain", "chem/istry", "--metrics", "response-quality,fluency,response-diversity,response-perplexity", "--out", files.PathOf("m.json"));

        Assert.Equal(3, exitCode);
        Assert.Contains("'fluency' is not a metric", error, StringComparison.Ordinal);
        Assert.Contains("'chem/istry' is not a domain", error, StringComparison.Ordinal);
        Assert.Contains("--judge-model", error, StringComparison.Ordinal);
        Assert.Contains("--embedding-model", error, StringComparison.Ordinal);
        Assert.Contains("--perplexity-model/--perplexity-endpoint", error, StringComparison.Ordinal);
    }
}
