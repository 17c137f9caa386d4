using System.Globalization;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

public sealed class DeclaredBenchmarkTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public DeclaredBenchmarkTests()
    {
        _files.Write("seeds.json", "[{\"instruction\": \"What is 1 + 1?\", \"response\": \"2\\n[RESULT] 2 [/RESULT]\"}]");
    }

    public void Dispose() => _files.Dispose();

    private static string Plan(string domains, string benchmarks, string settings = "\"instance-generation/math\"") => $$"""
        {
          "name": "own",
          "domains": { {{domains}} },
          "settings": [{{settings}}],
          "instances": 5,
          "seeds": { "instance-generation/math": "seeds.json", "instance-generation/code": "seeds.json" },
          "generators": [ { "name": "g", "model": "m" } ],
          "training": { "trainer": "command", "command": "train {data} {output_dir}" },
          "evaluation": {
            "base": { "model": "b", "endpoint": "http://localhost:8000/v1" },
            "reference": { "model": "r", "endpoint": "http://localhost:8001/v1" },
            "benchmarks": { {{benchmarks}} }
          }
        }
        """;

    [Fact]
    public void SeveralMistakes_AreAllNamed_WithLineAndPath()
    {
        _files.Write("test.jsonl", "{\"question\": \"q1\", \"gold\": \"1\"}\n{\"question\": \"q2\", \"gold\": \"2\"}\n");
        string json = Plan(
            "\"math\": { \"benchmarks\": [\"own-a\", \"own-b\", \"ghost\"] }, \"chemistry\": { \"benchmarks\": [] }",
            """
            "own-a": { "problems": "test.jsonl", "prompt": "Solve {{ question }} using {{ hint }}", "grader": { "kind": "numerik", "answer": "gold" } },
            "own-b": { "problems": "test.jsonl", "prompt": "{{ question }}", "grader": { "kind": "exact", "answer": "gold", "extract": "answer: \\w+" } },
            "own-c": { "problems": "test.jsonl", "prompt": "{{ question }}", "grader": { "kind": "numeric", "answer": "gold", "extract": "(" } }
            """);
        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(json, _files.File("plan.json")));
        string text = string.Join("\n", error.Errors.Select(e => e.ToString()));

        Assert.Contains("{{ hint }}", text, StringComparison.Ordinal);
        Assert.Contains("its fields are gold, question", text, StringComparison.Ordinal);
        Assert.Contains("did you mean 'numeric'", text, StringComparison.Ordinal);
        Assert.Contains("exactly one capture group", text, StringComparison.Ordinal);
        Assert.Contains("no domain uses the benchmark 'own-c'", text, StringComparison.Ordinal);
        Assert.Contains("'ghost' is not declared", text, StringComparison.Ordinal);
        Assert.Contains("chemistry", text, StringComparison.Ordinal);
        Assert.Contains("grader.kind", text, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.Equal(_files.File("plan.json"), e.Source));
        Assert.All(error.Errors, e => Assert.True(e.Line > 0, e.ToString()));
        Assert.DoesNotContain(" at AgoraBench.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeclaredBenchmark_ReadsAnyFields_FromCsv_AndFillsThePrompt()
    {
        _files.Write("test.csv", "id,question,gold\nq1,\"What is 2+2?\",4\nq2,What is 3+3?,6\n");
        var plan = AgoraBenchPlanFile.Parse(Plan("\"math\": { \"benchmarks\": [\"arith\"] }", """
            "arith": { "problems": "test.csv", "prompt": "Q: {{ question }}\nA:", "grader": { "kind": "numeric", "answer": "gold" } }
            """), _files.File("plan.json"));
        var problems = await plan.Evaluation.Benchmarks["arith"].Definition.ReadProblemsAsync(_files.File("test.csv"));
        Assert.Equal(["q1", "q2"], problems.Select(p => p.Id));
        Assert.Equal("Q: What is 2+2?\nA:", problems[0].Prompt);
    }

    [SharedDataFact("datasets/gsm8k/test.jsonl", "datasets/math500/test.jsonl", "datasets/humaneval/HumanEval.jsonl", "datasets/mbpp/mbpp.jsonl")]
    public async Task BuiltInBenchmarks_AndTheSameDeclaredInAPlan_GradeIdentically()
    {
        string Shared(string path) => SharedData.Path(path).Replace("\\", "/", StringComparison.Ordinal);
        var plan = AgoraBenchPlanFile.Parse(Plan(
            "\"math\": { \"benchmarks\": [\"gsm8k-own\", \"math-own\"] }, \"code\": { \"benchmarks\": [\"humaneval-own\", \"mbpp-own\"] }",
            $$$"""
            "gsm8k-own": { "problems": "{{{Shared("datasets/gsm8k/test.jsonl")}}}", "prompt": "{{ question }}", "grader": { "kind": "numeric", "answer": "answer" } },
            "math-own": { "problems": "{{{Shared("datasets/math500/test.jsonl")}}}", "idField": "unique_id", "prompt": "{{ problem }}", "grader": { "kind": "math", "answer": "answer" } },
            "humaneval-own": { "problems": "{{{Shared("datasets/humaneval/HumanEval.jsonl")}}}", "idField": "task_id", "prompt": "{{ prompt }}",
                               "grader": { "kind": "python-tests", "tests": "test", "prefix": "prompt", "entryPoint": "entry_point", "answerAs": "code", "block": "first-python" } },
            "mbpp-own": { "problems": "{{{Shared("datasets/mbpp/mbpp.jsonl")}}}", "idField": "task_id", "prompt": "{{ text }}",
                          "grader": { "kind": "python-tests", "tests": "test_list", "prefix": ["test_imports", "test_setup_code"], "answerAs": "code", "block": "first-python" } }
            """,
            "\"instance-generation/math\", \"instance-generation/code\""), _files.File("plan.json"));
        await using var sandbox = new PythonSandbox();
        var context = new GraderContext { Sandbox = sandbox };

        async Task Compare(string builtIn, string declared, string path, int take, Func<BenchmarkProblem, int, string> answer)
        {
            BenchmarkCatalog.BuiltIn.TryGet(builtIn, out var definition);
            var native = (await definition!.ReadProblemsAsync(path)).Take(take).ToArray();
            var own = plan.Evaluation.Benchmarks[declared].Definition;
            var table = (await own.ReadProblemsAsync(path)).Take(take).ToArray();
            Assert.Equal(native.Select(p => p.Id), table.Select(p => p.Id));
            Assert.Equal(native.Select(p => p.Prompt), table.Select(p => p.Prompt));
            var predictions = native.Select((p, i) => new Prediction(p.Id, [answer(p, i)], i + 1)).ToArray();
            var a = await BenchmarkGrader.GradeAsync(definition, native, predictions, context, null);
            var b = await BenchmarkGrader.GradeAsync(own, table, predictions, context, null);
            Assert.Equal(a.Grade.Items.Select(i => i.Correct), b.Grade.Items.Select(i => i.Correct));
            Assert.Equal(a.Grade.Score, b.Grade.Score, 9);
            Assert.InRange(a.Grade.Score, 1, 99); // both right and wrong answers were graded
        }

        await Compare("gsm8k", "gsm8k-own", Shared("datasets/gsm8k/test.jsonl"), 300, (p, i) =>
            i % 3 == 0 ? $"So she has {p.Answer} apples." : i % 3 == 1 ? $"#### {double.Parse(p.Answer!, CultureInfo.InvariantCulture) + 1}" : $"The answer is {p.Answer}");
        await Compare("math", "math-own", Shared("datasets/math500/test.jsonl"), 500, (p, i) => i % 2 == 0 ? $"Thus \\boxed{{{p.Answer}}}." : "Thus \\boxed{\\pi^7}.");
        await Compare("humaneval", "humaneval-own", Shared("datasets/humaneval/HumanEval.jsonl"), 60, (p, i) => i % 2 == 0 ? p.Answer! : "    return None\n");
        await Compare("mbpp", "mbpp-own", Shared("datasets/mbpp/mbpp.jsonl"), 60, (p, i) => i % 2 == 0 ? $"```python\n{p.Answer}\n```" : "pass");
    }
}
