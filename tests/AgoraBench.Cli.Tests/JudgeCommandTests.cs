using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

public sealed class JudgeCommandTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private void JudgePrefersGood() => _server.Chat = prompt =>
    {
        string a = prompt.Split("<|The Start of Assistant A's Answer|>\n")[1].Split("\n<|The End")[0];
        return a.Contains("good", StringComparison.Ordinal) ? "A is right. [[A>B]]" : "B is right. [[B>A]]";
    };

    [Fact]
    public async Task Judge_ArenaHard_PlaysBothOrders_AndFitsBradleyTerry()
    {
        using var files = new TempFiles();
        var questions = string.Concat(Enumerable.Range(0, 15).Select(i => $"{{\"uid\": \"q{i}\", \"category\": \"arena-hard-v0.1\", \"prompt\": \"Question {i}?\"}}\n"));
        var model = string.Concat(Enumerable.Range(0, 15).Select(i => $"{{\"id\": \"q{i}\", \"output\": \"{(i < 10 ? "good" : "poor")} answer {i}\"}}\n"));
        var baseline = string.Concat(Enumerable.Range(0, 15).Select(i => $"{{\"uid\": \"q{i}\", \"model\": \"gpt-4-0314\", \"messages\": [{{\"role\": \"user\", \"content\": \"Question {i}?\"}}, {{\"role\": \"assistant\", \"content\": {{\"answer\": \"{(i < 10 ? "poor" : "good")} baseline {i}\"}}}}]}}\n"));
        JudgePrefersGood();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "judge", "--benchmark", "arena-hard", "--questions", files.Write("q.jsonl", questions), "--answers", files.Write("a.jsonl", model),
            "--baseline", files.Write("b.jsonl", baseline), "--judge-model", "judge", "--judge-endpoint", _server.Endpoint.ToString(), "--out", files.PathOf("r.json"));

        Assert.True(exitCode == 0, error + output);
        Assert.Equal(30, _server.ChatRequests.Count);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("r.json")));
        Assert.Equal(30, json.RootElement.GetProperty("games").GetInt32());
        Assert.Equal(100.0 * 2 / 3, json.RootElement.GetProperty("score").GetDouble(), 3);
        var interval = json.RootElement.GetProperty("interval");
        Assert.True(interval[0].GetDouble() < 66.7 && interval[1].GetDouble() > 66.6);
    }

    [Fact]
    public async Task Judge_AlpacaEval_UsesTheReferenceOutputs_AndReportsWinRates()
    {
        using var files = new TempFiles();
        string questions = files.Write("alpaca.json", "[" + string.Join(",", Enumerable.Range(0, 8).Select(i => $"{{\"instruction\": \"Task {i}\", \"output\": \"{(i < 6 ? "poor" : "good")} reference\", \"generator\": \"gpt4_1106_preview\"}}")) + "]");
        string answers = files.Write("a.jsonl", string.Concat(Enumerable.Range(0, 8).Select(i => $"{{\"id\": \"{i}\", \"output\": \"{(i < 6 ? "good" : "poor")} model {i}\"}}\n")));
        JudgePrefersGood();

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "judge", "--benchmark", "alpaca-eval", "--questions", questions, "--answers", answers, "--judge-model", "judge", "--judge-endpoint", _server.Endpoint.ToString(), "--out", files.PathOf("r.json"));

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("r.json")));
        Assert.Equal(75, json.RootElement.GetProperty("win_rate").GetDouble(), 9);
        Assert.InRange(json.RootElement.GetProperty("length_controlled_win_rate").GetDouble(), 50, 100);
    }
}
