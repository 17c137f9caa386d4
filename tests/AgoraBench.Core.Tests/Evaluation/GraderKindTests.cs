using System.Text.Json;
using System.Text.Json.Nodes;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

public sealed class GraderKindTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private static BenchmarkProblem Problem(string json, string id = "p1") =>
        new(id, "Q?", null, 1) { Fields = JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()) };

    private static Task<ItemScore> Grade(string spec, BenchmarkProblem problem, string output, GraderContext? context = null)
    {
        var options = JsonNode.Parse(spec)!.AsObject();
        var grader = GraderRegistry.BuiltIn.Create(new GraderSpec((string)options["kind"]!, options), context ?? new GraderContext());
        return grader.GradeAsync(new GradingItem(problem, output, problem.Prompt));
    }

    [Theory]
    [InlineData("""{"kind": "exact", "answer": "gold"}""", "  Paris \n", 1.0)]
    [InlineData("""{"kind": "exact", "answer": "gold"}""", "paris", 1.0)]
    [InlineData("""{"kind": "exact", "answer": "gold", "ignoreCase": false}""", "paris", 0.0)]
    [InlineData("""{"kind": "exact", "answer": "gold", "extract": "Answer:\\s*(\\w+)"}""", "I think... Answer: Paris", 1.0)]
    [InlineData("""{"kind": "exact", "answer": "gold"}""", "It is Paris", 0.0)]
    public async Task Exact_FoldsCaseAndWhitespace_AndExtracts(string spec, string output, double expected) =>
        Assert.Equal(expected, (await Grade(spec, Problem("""{"gold": "Paris"}"""), output)).Score);

    [Theory]
    [InlineData("The total is $1,234.", "1234", 1.0)]
    [InlineData("about 12.5%", "12.5", 1.0)]
    [InlineData("It weighs 3 kg, so 7 kg", "7", 1.0)]
    [InlineData("7.004", "7", 0.0)]
    [InlineData("no number here", "7", 0.0)]
    [InlineData("Natalia: 48 + 24 = 72", "Natalia sold 48/2 = 24 clips.\n#### 72", 1.0)]
    public async Task Numeric_StripsSeparatorsUnitsAndSigns(string output, string gold, double expected) =>
        Assert.Equal(expected, (await Grade("""{"kind": "numeric", "answer": "gold"}""", Problem(new JsonObject { ["gold"] = gold }.ToJsonString()), output)).Score);

    [Fact]
    public async Task Numeric_Tolerance()
    {
        var problem = Problem("""{"gold": "3.14159"}""");
        Assert.Equal(1.0, (await Grade("""{"kind": "numeric", "answer": "gold", "tolerance": 0.01}""", problem, "pi is 3.14")).Score);
        Assert.Equal(0.0, (await Grade("""{"kind": "numeric", "answer": "gold"}""", problem, "pi is 3.14")).Score);
    }

    [Fact]
    public async Task Math_UsesAnswerEquivalence()
    {
        var problem = Problem("""{"answer": "\\frac{1}{2}"}""");
        Assert.Equal(1.0, (await Grade("""{"kind": "math", "answer": "answer"}""", problem, "So the result is \\boxed{0.5}.")).Score);
        Assert.Equal(0.0, (await Grade("""{"kind": "math", "answer": "answer"}""", problem, "So the result is \\boxed{2}.")).Score);
    }

    [Fact]
    public async Task PythonTests_RunsCodeOrChecksAnswerAsString()
    {
        await using var sandbox = new PythonSandbox();
        var context = new GraderContext { Sandbox = sandbox };
        var code = Problem("""{"check": "assert add(2, 3) == 5"}""");
        Assert.Equal(1.0, (await Grade("""{"kind": "python-tests", "tests": "check"}""", code, "Here:\n```python\ndef add(a, b):\n    return a + b\n```", context)).Score);
        var wrong = await Grade("""{"kind": "python-tests", "tests": "check"}""", code, "```python\ndef add(a, b):\n    return a - b\n```", context);
        Assert.Equal(0.0, wrong.Score);
        Assert.Contains("AssertionError", wrong.Reason, StringComparison.Ordinal);

        // A ```sql block is not run: the tests get it as the string `answer` and execute it themselves with sqlite3.
        var sql = Problem("""{"check": "import sqlite3\ndb = sqlite3.connect(':memory:')\ndb.execute('create table t(x)')\ndb.executemany('insert into t values (?)', [(1,), (2,)])\nassert db.execute(answer).fetchall() == db.execute('select sum(x) from t').fetchall()"}""");
        Assert.Equal(1.0, (await Grade("""{"kind": "python-tests", "tests": "check"}""", sql, "```sql\nSELECT SUM(x) FROM t;\n```", context)).Score);
        Assert.Equal(0.0, (await Grade("""{"kind": "python-tests", "tests": "check"}""", sql, "```sql\nSELECT COUNT(*) FROM t;\n```", context)).Score);
    }

    [Fact]
    public async Task Judge_ScoresThroughTheRealClient_PassScoreOrMean_AndUnscoredWhenNoScore()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        _files.Write("rubric.txt", "Question: {{ question }}\nAnswer: {{ response }}\nGold: {{ gold }}\nScore Rubric: 1-5. End with [RESULT] (an integer from 1 to 5)");
        server.Chat = prompt => prompt.Contains("Answer: right", StringComparison.Ordinal) ? "Good. [RESULT] 5" : prompt.Contains("Answer: meh", StringComparison.Ordinal) ? "Partly. [RESULT] 3" : "I cannot say.";
        var context = new GraderContext { Judge = server.ChatClient(), BaseDirectory = _files.Path, Fields = ["gold"] };
        var problem = Problem("""{"gold": "g"}""");

        Assert.Equal(1.0, (await Grade("""{"kind": "judge", "rubric": "rubric.txt", "passScore": 4}""", problem, "right", context)).Score);
        Assert.Equal(0.0, (await Grade("""{"kind": "judge", "rubric": "rubric.txt", "passScore": 4}""", problem, "meh", context)).Score);
        Assert.Equal(0.6, (await Grade("""{"kind": "judge", "rubric": "rubric.txt"}""", problem, "meh", context)).Score!.Value, 9);
        var unscored = await Grade("""{"kind": "judge", "rubric": "rubric.txt"}""", problem, "other", context);
        Assert.False(unscored.IsScored);
        Assert.Contains("no 1-5 score", unscored.Reason, StringComparison.Ordinal);
        Assert.Contains(server.ChatRequests, r => r.ToJsonString().Contains("Gold: g", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pairwise_JudgesBothOrders_WinRate()
    {
        await using var server = await FakeOpenAIServer.StartAsync();

        // The judge always prefers the first answer shown: one win and one loss per item, a win rate of 50%.
        server.Chat = _ => "[[A>>B]]";
        var context = new GraderContext { Judge = server.ChatClient() };
        var score = await Grade("""{"kind": "pairwise", "baseline": "base"}""", Problem("""{"base": "baseline answer"}"""), "model answer", context);
        Assert.Equal(0.5, score.Score);
    }

    [Fact]
    public async Task UnscoredItems_AreReported_NotCountedWrong()
    {
        var definition = new BenchmarkDefinition { Id = "t", Grader = new GraderSpec("numeric", new JsonObject { ["kind"] = "numeric", ["answer"] = "gold" }) };
        BenchmarkProblem[] problems = [Problem("""{"gold": "1"}""", "a"), Problem("""{"gold": "n/a"}""", "b"), Problem("""{"gold": "3"}""", "c")];
        Prediction[] predictions = [new("a", ["1"], 1), new("b", ["2"], 2), new("c", ["4"], 3)];
        var result = await BenchmarkGrader.GradeAsync(definition, problems, predictions, new GraderContext(), null);
        Assert.Equal(50.0, result.Grade.Score, 9);
        Assert.Equal(1, result.Grade.Items.Single(i => i.Id == "b").Unscored);
        Assert.Contains("\"unscored\": 1", result.Grade.ToJson("t"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind": "exat"}""", "did you mean 'exact'")]
    [InlineData("""{"kind": "exact", "extract": "(a"}""", "does not compile")]
    [InlineData("""{"kind": "exact", "extract": "a+"}""", "exactly one capture group")]
    [InlineData("""{"kind": "exact", "extract": "(a)(b)"}""", "exactly one capture group")]
    [InlineData("""{"kind": "numeric", "answer": "gold", "tolerence": 1}""", "did you mean 'tolerance'")]
    [InlineData("""{"kind": "exact", "answer": "golden"}""", "do not have")]
    public void BadOptions_AreNamed(string spec, string message)
    {
        var options = JsonNode.Parse(spec)!.AsObject();
        var error = Assert.Throws<DataValidationException>(() => GraderRegistry.BuiltIn.Create(new GraderSpec((string)options["kind"]!, options), new GraderContext { Fields = ["gold"] }));
        Assert.Contains(error.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
    }
}
