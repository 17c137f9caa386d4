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

public class GradeCodeCommandTests
{
    private const string Problems =
        "{\"task_id\": \"HumanEval/0\", \"prompt\": \"def double(x):\\n\", \"canonical_solution\": \"    return 2 * x\\n\", \"test\": \"def check(f):\\n    assert f(2) == 4\\n    assert f(3) == 6\\n\", \"entry_point\": \"double\"}\n"
        + "{\"task_id\": \"HumanEval/1\", \"prompt\": \"def neg(x):\\n\", \"canonical_solution\": \"    return -x\\n\", \"test\": \"def check(f):\\n    assert f(2) == -2\\n\", \"entry_point\": \"neg\"}\n";

    [Fact]
    public async Task Grade_HumanEval_RunsTheTests_AndReportsPassAtK()
    {
        using var files = new TempFiles();
        string problems = files.Write("he.jsonl", Problems);
        string predictions = files.Write("preds.jsonl",
            "{\"id\": \"HumanEval/0\", \"outputs\": [\"    return 2 * x\\n\", \"    return x + 2\\n\"]}\n"
            + "{\"id\": \"HumanEval/1\", \"outputs\": [\"```python\\ndef neg(x):\\n    return -x\\n```\", \"    while True: pass\\n\"]}\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("grade", "--benchmark", "humaneval", "--problems", problems, "--predictions", predictions, "--k", "1,2", "--timeout", "1", "--out", files.PathOf("g.json"));

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("g.json")));
        Assert.Equal(50, json.RootElement.GetProperty("score").GetDouble(), 9);
        Assert.Equal(50, json.RootElement.GetProperty("pass_at_k").GetProperty("pass@1").GetDouble(), 9);
        Assert.Equal(100, json.RootElement.GetProperty("pass_at_k").GetProperty("pass@2").GetDouble(), 9);
    }

    [Fact]
    public async Task Grade_OutFile_CannotBeRewrittenByADaemonAfterTheGraderExits()
    {
        using var files = new TempFiles();
        string problems = files.Write("he.jsonl", Problems);
        string outFile = files.PathOf("g.json");
        string daemon = "import os, time\nif os.fork() == 0:\n    os.setsid()\n    if os.fork() == 0:\n        time.sleep(0.5)\n"
            + "        for _ in range(30):\n            try:\n                open(" + JsonSerializer.Serialize(outFile) + ", 'w').write('{\"score\": 100}')\n"
            + "            except OSError:\n                pass\n            time.sleep(0.1)\n        os._exit(0)\n    os._exit(0)\n"
            + "def double(x):\n    return x\n";
        string predictions = files.Write("preds.jsonl",
            JsonSerializer.Serialize(new { id = "HumanEval/0", output = "```python\n" + daemon + "```" }) + "\n"
            + "{\"id\": \"HumanEval/1\", \"output\": \"    return -x\\n\"}\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("grade", "--benchmark", "humaneval", "--problems", problems, "--predictions", predictions, "--timeout", "5", "--out", outFile);
        Assert.True(exitCode == 0, error + output);
        string written = File.ReadAllText(outFile);
        await Task.Delay(3500); // the daemon would have written from 0.5 s to 3.5 s after it started

        Assert.Equal(written, File.ReadAllText(outFile));
        Assert.Equal(50, JsonDocument.Parse(written).RootElement.GetProperty("score").GetDouble(), 9);
    }

    [Fact]
    public async Task Grade_PassAtKWithTooFewSamples_IsAnError()
    {
        using var files = new TempFiles();
        string problems = files.Write("he.jsonl", Problems);
        string predictions = files.Write("preds.jsonl", "{\"id\": \"HumanEval/0\", \"output\": \"    return 2 * x\\n\"}\n{\"id\": \"HumanEval/1\", \"output\": \"    return -x\\n\"}\n");
        var (exitCode, _, error) = await CliRunner.RunAsync("grade", "--benchmark", "humaneval", "--problems", problems, "--predictions", predictions, "--k", "1,10");
        Assert.Equal(3, exitCode);
        Assert.Contains("pass@10 needs at least that many outputs", error, StringComparison.Ordinal);
    }
}
