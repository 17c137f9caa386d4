using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

public class CodeBenchmarkGraderTests
{
    [Theory]
    [InlineData("Here:\n```python\ndef f():\n    return 1\n```\nDone.", "def f():\n    return 1\n")]
    [InlineData("```\nx = 2\n```", "x = 2\n")]
    [InlineData("```js\nlet a\n```\n```py\nb = 1\n```", "b = 1\n")]
    [InlineData("    return 3", "    return 3")]
    public void ExtractCode_PrefersPythonFences(string answer, string code) => Assert.Equal(code, CodePrograms.ExtractCode(answer));

    [SharedDataFact("datasets/humaneval/HumanEval.jsonl")]
    public async Task HumanEval_CanonicalSolutionsAllPass_WholeFunctionsToo_AndWrongAnswersFail()
    {
        var problems = await BenchmarkProblems.ReadAsync("humaneval", SharedData.Path("datasets/humaneval/HumanEval.jsonl"));
        await using var sandbox = new PythonSandbox();

        var canonical = await CodeBenchmarkGrader.GradeAsync("humaneval", problems, [.. problems.Select(p => new Prediction(p.Id, [p.Answer!], 0))], sandbox);
        Assert.True(canonical.Grade.Score == 100, string.Join(", ", canonical.Grade.Items.Where(i => !i.Correct).Select(i => i.Id)));

        var whole = problems.Take(20).Select(p => new Prediction(p.Id, ["```python\n" + p.Prompt + p.Answer + "\n```"], 0)).ToArray();
        var wholeGrade = await CodeBenchmarkGrader.GradeAsync("humaneval", problems.Take(20).ToArray(), whole, sandbox);
        Assert.Equal(100, wholeGrade.Grade.Score);

        var wrong = await CodeBenchmarkGrader.GradeAsync("humaneval", problems, [.. problems.Select(p => new Prediction(p.Id, ["    return None\n"], 0))], sandbox);
        Assert.Equal(0, wrong.Grade.Score);
    }

    [SharedDataFact("datasets/mbpp/mbpp.jsonl")]
    public async Task Mbpp_ReferenceCodePassesAtLeast99Percent_AndMissingCodeFails()
    {
        var problems = await BenchmarkProblems.ReadAsync("mbpp", SharedData.Path("datasets/mbpp/mbpp.jsonl"));
        await using var sandbox = new PythonSandbox();

        var reference = await CodeBenchmarkGrader.GradeAsync("mbpp", problems, [.. problems.Select(p => new Prediction(p.Id, [p.Answer!], 0))], sandbox);
        Assert.True(reference.Grade.Score >= 99, $"{reference.Grade.Score:F2}%: {string.Join(", ", reference.Grade.Items.Where(i => !i.Correct).Select(i => i.Id))}");

        var wrong = await CodeBenchmarkGrader.GradeAsync("mbpp", problems.Take(50).ToArray(), [.. problems.Take(50).Select(p => new Prediction(p.Id, ["pass"], 0))], sandbox);
        Assert.Equal(0, wrong.Grade.Score);
    }

    [Fact]
    public async Task PassAtK_FromSeveralSamples()
    {
        var problem = new BenchmarkProblem("t/1", "def double(x):\n", "    return 2 * x\n", 1)
        {
            Fields = System.Text.Json.JsonDocument.Parse("{\"prompt\": \"def double(x):\\n\", \"entry_point\": \"double\", \"test\": \"def check(f):\\n    assert f(2) == 4\\n\"}").RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };
        await using var sandbox = new PythonSandbox(new PythonSandboxOptions { Workers = 2 });
        string[] samples = ["    return 2 * x\n", "    return x + x\n", "    return x\n", "    return 4\n", "    return -1\n"];

        var result = await CodeBenchmarkGrader.GradeAsync("humaneval", [problem], [new Prediction("t/1", samples, 1)], sandbox);

        Assert.Equal(100.0 * 3 / 5, result.Grade.Score, 9); // "return 4" also passes the single test
        Assert.Equal(100 * PassAtK.Estimate(5, 3, 5), result.PassAtK[5], 9);
    }
}
