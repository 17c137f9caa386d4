using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

public sealed class DeclaredDomainTests : IDisposable
{
    private const string InstanceTemplate = "Write a new question like these.\nINPUT: <input1>\nOUTPUT: <output1>\nINPUT: <input2>\nOUTPUT: <output2>\nINPUT: <input3>\nOUTPUT: <output3>\n[END]\nINPUT: ";

    private readonly TempDirectory _files = new();

    public DeclaredDomainTests()
    {
        _files.Write("seeds.jsonl", "{\"instruction\": \"How many rows does orders have?\", \"response\": \"SELECT COUNT(*) FROM orders;\"}\n");
        _files.Write("test.jsonl", "{\"question\": \"q1\", \"gold\": \"1\"}\n");
        _files.Write("ig.txt", InstanceTemplate);
        _files.Write("ig-themed.txt", InstanceTemplate.Replace("Write a new question", "Write a new question about <input_theme>", StringComparison.Ordinal));
        _files.Write("rg.txt", "Answer this.\nINPUT: <input>\nOUTPUT:\n");
        _files.Write("qe-broken.txt", "Improve this question: <input>\nRevised Question: ");
    }

    public void Dispose() => _files.Dispose();

    private static string Plan(string domain, string settings, string templates, string generator = "{ \"name\": \"g\", \"model\": \"m\", \"endpoint\": \"http://localhost:8010/v1\" }") => $$"""
        {
          "name": "own",
          "domains": { {{domain}} },
          "settings": [{{settings}}],
          "instances": 5,
          "seeds": { "instance-generation/sql": "seeds.jsonl", "response-generation/sql": "seeds.jsonl", "quality-enhancement/sql": "seeds.jsonl",
                     "instance-generation/sqll": "seeds.jsonl" },
          "generation": { "templates": { {{templates}} } },
          "generators": [ {{generator}} ],
          "training": { "trainer": "command", "command": "train {data} {output_dir}" },
          "evaluation": {
            "base": { "model": "b", "endpoint": "http://localhost:8000/v1" },
            "reference": { "model": "r", "endpoint": "http://localhost:8001/v1" },
            "benchmarks": { "exact-sql": { "problems": "test.jsonl", "prompt": "{{"{{ question }}"}}", "grader": { "kind": "exact", "answer": "gold" } } }
          }
        }
        """;

    [Fact]
    public void DeclaredDomain_RunsItsOwnSettings_KeyedByName()
    {
        var plan = AgoraBenchPlanFile.Parse(
            Plan("\"sql\": { \"description\": \"SQLite queries\", \"benchmarks\": [\"exact-sql\"] }", "\"instance-generation/sql\", \"response-generation/sql\"", "\"instance-generation/sql\": \"ig.txt\", \"response-generation/sql\": \"rg.txt\""),
            _files.File("plan.json"));

        Assert.Equal(["instance-generation/sql", "response-generation/sql"], plan.Settings.Select(s => s.Key));
        var ig = plan.Settings[0];
        Assert.Equal(new BenchmarkDomain("sql"), ig.Domain);
        Assert.False(ig.Domain.IsBuiltIn);
        Assert.True(ig.TrainsOnSeedData);
        Assert.False(plan.Settings[1].TrainsOnSeedData);
        Assert.Same(ig, AgoraBenchSettings.Get(GenerationMethod.InstanceGeneration, AgoraBenchNames.ParseDomain("sql")));
        Assert.Equal(ig.Domain, plan.Evaluation.Benchmarks["exact-sql"].Benchmark.Domain);
    }

    [Fact]
    public void DomainRubrics_AreTheJudgesRubric_OfTheirMetric_AndBadOnesAreNamed()
    {
        const string Quality = "[Does the query answer the question?]\nScore 1: no.\nScore 2: barely.\nScore 3: partly.\nScore 4: mostly.\nScore 5: exactly.";
        _files.Write("quality.txt", Quality);
        _files.Write("difficulty-short.txt", "[How hard?]\nScore 1: easy.\nScore 2: fair.\nScore 5: hard.");
        const string Templates = "\"instance-generation/sql\": \"ig.txt\"";
        var plan = AgoraBenchPlanFile.Parse(
            Plan("\"sql\": { \"benchmarks\": [\"exact-sql\"], \"rubrics\": { \"response-quality\": \"quality.txt\" } }", "\"instance-generation/sql\"", Templates),
            _files.File("plan.json"));
        var sql = plan.Settings[0].Domain;

        Assert.Equal(Quality, DomainRubrics.For(plan, sql, JudgeCriterion.ResponseQuality));
        Assert.Equal(JudgePrompts.Rubric(JudgeCriterion.InstructionDifficulty, sql), DomainRubrics.For(plan, sql, JudgeCriterion.InstructionDifficulty));

        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(
            Plan("\"sql\": { \"benchmarks\": [\"exact-sql\"], \"rubrics\": { \"instruction-difficulty\": \"difficulty-short.txt\", \"response-qualty\": \"quality.txt\", \"response-quality\": \"gone.txt\" } }", "\"instance-generation/sql\"", Templates),
            _files.File("plan.json")));
        string text = string.Join("\n", error.Errors.Select(e => e.ToString()));
        Assert.Equal(3, error.Errors.Count);
        Assert.Contains("difficulty-short.txt has no line for Score 3, 4", text, StringComparison.Ordinal);
        Assert.Contains("did you mean 'response-quality'", text, StringComparison.Ordinal);
        Assert.Contains("gone.txt does not exist", text, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.True(e.Line > 0 && e.Field!.StartsWith("$.domains.sql.rubrics", StringComparison.Ordinal), e.ToString()));
    }

    [Fact]
    public void DeclaredDomainMistakes_AreAllReportedAtOnce_NamingTheTemplateFile()
    {
        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(
            Plan(
                "\"sql\": { \"description\": \"SQLite queries\", \"themes\": [\"joins\", \"grouping\"], \"benchmarks\": [\"exact-sql\"] }",
                "\"instance-generation/sql\", \"response-generation/sql\", \"quality-enhancement/sql\", \"instance-generation/sqll\"",
                "\"instance-generation/sql\": \"ig.txt\", \"quality-enhancement/sql\": \"qe-broken.txt\""),
            _files.File("plan.json")));
        string text = string.Join("\n", error.Errors.Select(e => e.ToString()));

        // An undeclared domain (a typo) is named with the nearest declared one.
        Assert.Contains("'sqll' is not a domain; did you mean 'sql'?", text, StringComparison.Ordinal);

        // A declared domain has no paper meta-prompt: each of its settings needs a template file.
        Assert.Contains(error.Errors, e => e.Field!.StartsWith("$.generation.templates", StringComparison.Ordinal) && e.Field.Contains("response-generation/sql", StringComparison.Ordinal) && e.Message.Contains("no paper meta-prompt", StringComparison.Ordinal));

        // The domain lists themes, so its instance-generation template must place one; the file is named.
        Assert.Contains("ig.txt: the placeholder <input_theme> is missing", text, StringComparison.Ordinal);

        // A missing paper placeholder is reported against the template file.
        Assert.Contains("qe-broken.txt", text, StringComparison.Ordinal);
        Assert.Contains("<output>", text, StringComparison.Ordinal);
        Assert.All(error.Errors, e => Assert.True(e.Line > 0, e.ToString()));
        Assert.DoesNotContain("paper's domains only", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredDomainWithThemes_AcceptsATemplateThatPlacesTheTheme()
    {
        var plan = AgoraBenchPlanFile.Parse(
            Plan("\"sql\": { \"themes\": [\"joins\"], \"benchmarks\": [\"exact-sql\"] }", "\"instance-generation/sql\"", "\"instance-generation/sql\": \"ig-themed.txt\""),
            _files.File("plan.json"));
        Assert.Equal(["joins"], plan.Domains["sql"].Themes);
    }

    [Fact]
    public void ModelWithoutEndpoint_UsesOpenAIBaseUrl_WhenSet_AndKeepsAnExplicitOne()
    {
        string json = Plan("\"sql\": { \"benchmarks\": [\"exact-sql\"] }", "\"response-generation/sql\"", "\"response-generation/sql\": \"rg.txt\"", "{ \"name\": \"gpt-4o-mini\" }");
        var environment = new Dictionary<string, string> { ["OPENAI_BASE_URL"] = "http://127.0.0.1:9999/v1", ["OPENAI_API_KEY"] = "sk-test" };

        var withBase = AgoraBenchPlanFile.Parse(json, _files.File("plan.json"), name => environment.GetValueOrDefault(name));
        Assert.Equal(new Uri("http://127.0.0.1:9999/v1"), withBase.Generators[0].Endpoint.Endpoint);
        Assert.Equal("OPENAI_API_KEY", withBase.Generators[0].Endpoint.KeyVariable());
        Assert.Equal(new Uri("http://localhost:8000/v1"), withBase.Evaluation.Base!.Endpoint);

        var withoutBase = AgoraBenchPlanFile.Parse(json, _files.File("plan.json"), _ => null);
        Assert.Null(withoutBase.Generators[0].Endpoint.Endpoint);
        Assert.True(withoutBase.Generators[0].Endpoint.IsOpenAI);
    }
}
