using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

public sealed class EvaluateCommandTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Evaluate_Gsm8k_FewShot_RunsGradesAndResumes()
    {
        using var files = new TempFiles();
        string problems = files.Write("gsm.jsonl",
            "{\"question\": \"1+1?\", \"answer\": \"1+1=2\\n#### 2\"}\n"
            + "{\"question\": \"2+2?\", \"answer\": \"#### 4\"}\n"
            + "{\"question\": \"3+3?\", \"answer\": \"#### 6\"}\n"
            + "{\"question\": \"5+5?\", \"answer\": \"#### 10\"}\n");
        string predictions = files.Write("run.predictions.jsonl", "{\"id\": \"1\", \"output\": \"[RESULT] 4 [/RESULT]\"}\n");
        _server.Chat = prompt => prompt.EndsWith("Question: 3+3?\nAnswer:", StringComparison.Ordinal) ? "3+3=6\n[RESULT] 6 [/RESULT]" : "I think 11.";

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "evaluate", "--benchmark", "gsm8k", "--problems", problems, "--model", "base", "--endpoint", _server.Endpoint.ToString(),
            "--few-shot", "1", "--out", files.PathOf("run.json"));

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("Answered 2 problem(s) now (3 evaluated, 1 used as demonstrations)", output, StringComparison.Ordinal);
        var requests = _server.ChatRequests.ToArray();
        Assert.Equal(2, requests.Length);
        string prompt = requests[0]["messages"]![0]!["content"]!.GetValue<string>();
        Assert.StartsWith("Question: 1+1?\nAnswer: 1+1=2\n#### 2\n\nQuestion: ", prompt, StringComparison.Ordinal);
        Assert.Equal(0.2, requests[0]["temperature"]!.GetValue<double>(), 6);
        using var grade = JsonDocument.Parse(File.ReadAllText(files.PathOf("run.json")));
        Assert.Equal(200.0 / 3, grade.RootElement.GetProperty("score").GetDouble(), 9);
        Assert.Equal(3, File.ReadAllLines(predictions).Length);
    }
}
