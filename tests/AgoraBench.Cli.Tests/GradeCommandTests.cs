using System.Text.Json;

namespace AgoraBench.Cli.Tests;

public class GradeCommandTests
{
    private const string MathProblems =
        "{\"problem\": \"Half of 1?\", \"solution\": \"\\\\boxed{\\\\frac12}\", \"answer\": \"\\\\frac{1}{2}\", \"unique_id\": \"test/a/1.json\"}\n"
        + "{\"problem\": \"Roots?\", \"solution\": \"\\\\boxed{1,-2}\", \"answer\": \"1,-2\", \"unique_id\": \"test/a/2.json\"}\n"
        + "{\"problem\": \"Angle?\", \"solution\": \"\\\\boxed{90^\\\\circ}\", \"answer\": \"90^\\\\circ\", \"unique_id\": \"test/a/3.json\"}\n";

    [Fact]
    public async Task Grade_Math_MatchesByUniqueId_AndWritesItems()
    {
        using var files = new TempFiles();
        string problems = files.Write("math.jsonl", MathProblems);
        string predictions = files.Write("preds.jsonl",
            "{\"id\": \"test/a/2.json\", \"output\": \"The roots are [RESULT] 1, -2 [/RESULT]\"}\n"
            + "{\"id\": \"test/a/1.json\", \"outputs\": [\"\\\\boxed{0.5}\", \"\\\\boxed{0.4}\"]}\n"
            + "{\"id\": \"test/a/3.json\", \"output\": \"The answer is 45 degrees.\"}\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("grade", "--benchmark", "math", "--problems", problems, "--predictions", predictions, "--out", files.PathOf("g.json"));

        Assert.True(exitCode == 0, error);
        Assert.Contains("math: 50.00% of 3 problems", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("g.json")));
        Assert.Equal(50, json.RootElement.GetProperty("score").GetDouble(), 9);
        var items = json.RootElement.GetProperty("items");
        Assert.Equal("test/a/1.json", items[0].GetProperty("id").GetString());
        Assert.Equal((true, "0.5", 1), (items[0].GetProperty("correct").GetBoolean(), items[0].GetProperty("extracted").GetString(), items[0].GetProperty("samples_correct").GetInt32()));
        Assert.True(items[1].GetProperty("correct").GetBoolean());
        Assert.False(items[2].GetProperty("correct").GetBoolean());
    }

    [Fact]
    public async Task Grade_BadPredictions_AreAllReportedWithTheirLines()
    {
        using var files = new TempFiles();
        string problems = files.Write("math.jsonl", MathProblems);
        string predictions = files.Write("preds.jsonl",
            "{\"id\": \"test/a/1.json\", \"output\": \"\\\\boxed{0.5}\"}\n"
            + "{\"id\": \"test/a/1.json\", \"output\": \"again\"}\n"
            + "{\"output\": \"no id\"}\n"
            + "not json\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("grade", "--benchmark", "math", "--problems", problems, "--predictions", predictions);

        Assert.Equal(3, exitCode);
        Assert.Contains($"{predictions}:2: field 'id': 'test/a/1.json' already has a prediction on line 1", error, StringComparison.Ordinal);
        Assert.Contains($"{predictions}:3: field 'id': is missing", error, StringComparison.Ordinal);
        Assert.Contains($"{predictions}:4: not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grade_UnknownIdsAndMissingProblems_AreErrors_UnlessAllowed()
    {
        using var files = new TempFiles();
        string problems = files.Write("math.jsonl", MathProblems);
        string predictions = files.Write("preds.jsonl", "{\"id\": \"test/a/1.json\", \"output\": \"\\\\boxed{1/2}\"}\n{\"id\": \"test/zz.json\", \"output\": \"1\"}\n");
        var (exitCode, _, error) = await CliRunner.RunAsync("grade", "--benchmark", "math", "--problems", problems, "--predictions", predictions);
        Assert.Equal(3, exitCode);
        Assert.Contains("'test/zz.json' is not a problem id", error, StringComparison.Ordinal);
        Assert.Contains("2 problem(s) have no prediction", error, StringComparison.Ordinal);

        string onlyOne = files.Write("one.jsonl", "{\"id\": \"test/a/1.json\", \"output\": \"\\\\boxed{1/2}\"}\n");
        var (allowedExit, output, _) = await CliRunner.RunAsync("grade", "--benchmark", "math", "--problems", problems, "--predictions", onlyOne, "--allow-missing");
        Assert.Equal(0, allowedExit);
        Assert.Equal(100.0 / 3, JsonDocument.Parse(output).RootElement.GetProperty("score").GetDouble(), 9);
    }
}
