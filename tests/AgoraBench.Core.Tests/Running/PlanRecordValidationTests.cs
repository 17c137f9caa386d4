using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

/// <summary>
/// A plan is checked down to its records before anything is sent: seed files (any of the documented formats) against
/// what each setting's method needs, and every problem record against the fields its prompt, rubric and grader use.
/// </summary>
public sealed class PlanRecordValidationTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public PlanRecordValidationTests()
    {
        _files.Write("seeds.json", "[{\"instruction\": \"What is 1 + 1?\", \"response\": \"2\"}]");
        _files.Write("test.jsonl", "{\"id\": \"a\", \"question\": \"q1\", \"gold\": \"1\"}\n{\"id\": \"b\", \"question\": \"q2\", \"gold\": \"2\"}\n");
    }

    public void Dispose() => _files.Dispose();

    private static string Plan(string benchmarks, string seeds = "\"instance-generation/math\": \"seeds.json\"", string settings = "\"instance-generation/math\"", string domainBenchmarks = "\"own\"") => $$"""
        {
          "name": "own",
          "domains": { "math": { "benchmarks": [{{domainBenchmarks}}] } },
          "settings": [{{settings}}],
          "instances": 5,
          "seeds": { {{seeds}} },
          "generators": [ { "name": "g", "model": "m" } ],
          "training": { "trainer": "command", "command": "train {data} {output_dir}" },
          "evaluation": {
            "base": { "model": "b", "endpoint": "http://localhost:8000/v1" },
            "reference": { "model": "r", "endpoint": "http://localhost:8001/v1" },
            "judge": { "model": "j", "endpoint": "http://localhost:8002/v1" },
            "benchmarks": { {{benchmarks}} }
          }
        }
        """;

    private const string Own = "\"own\": { \"problems\": \"test.jsonl\", \"prompt\": \"{{ question }}\", \"grader\": { \"kind\": \"numeric\", \"answer\": \"gold\" } }";

    private string[] Problems(string json)
    {
        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(json, _files.File("plan.json")));
        Assert.All(error.Errors, e => Assert.Equal(_files.File("plan.json"), e.Source));
        Assert.All(error.Errors, e => Assert.True(e.Line > 0, e.ToString()));
        return [.. error.Errors.Select(e => e.ToString())];
    }

    [Fact]
    public async Task CsvSeeds_AreRead_WithQuotedMultiLineCells_AndThePlanValidates()
    {
        _files.Write("seeds.csv", "instruction,response\n\"Convert 2 km to m.\",\"2 km = 2000 m.\nANSWER: 2000 m\"\nConvert 3 kg to g.,3000 g\n");
        _files.Write("qa.csv", "question,answer\nWhat is 2+2?,4\n");
        var plan = AgoraBenchPlanFile.Parse(
            Plan(Own, "\"instance-generation/math\": \"seeds.csv\", \"response-generation/math\": \"qa.csv\"", "\"instance-generation/math\", \"response-generation/math\""),
            _files.File("plan.json"));

        var seeds = await SyntheticDataset.ReadSeedsAsync(plan.Seeds["instance-generation/math"]);
        Assert.Equal(["Convert 2 km to m.", "Convert 3 kg to g."], seeds.Select(s => s.Instruction));
        Assert.Equal("2 km = 2000 m.\nANSWER: 2000 m", seeds[0].Response);
        var qa = await SyntheticDataset.ReadSeedsAsync(plan.Seeds["response-generation/math"]);
        Assert.Equal(("What is 2+2?", "4"), (qa[0].Instruction, qa[0].Response));
    }

    [Fact]
    public void BadSeeds_AreNamedPerSettingMethod_WithThePlanFieldAndTheSeedLine()
    {
        // Line 2 has no response (instance generation and quality enhancement need one; response generation does not);
        // the row starting on line 4 (its first cell spans two lines) has an empty instruction.
        _files.Write("seeds.csv", "instruction,response\nConvert 2 km to m.,\nConvert 3 kg to g.,3000 g\n\"\n\",60 min\n");
        string[] problems = Problems(Plan(
            Own,
            "\"quality-enhancement/math\": \"seeds.csv\", \"response-generation/math\": \"seeds.csv\"",
            "\"quality-enhancement/math\", \"response-generation/math\""));
        string text = string.Join("\n", problems);

        Assert.Contains(problems, p => p.Contains("field '$.seeds['quality-enhancement/math']'", StringComparison.Ordinal) && p.Contains("seeds.csv:2: field 'response'", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("$.seeds['response-generation/math']", StringComparison.Ordinal) && p.Contains("field 'response'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("$.seeds['response-generation/math']", StringComparison.Ordinal) && p.Contains("seeds.csv:4: field 'instruction': is empty", StringComparison.Ordinal));
        Assert.DoesNotContain("JSONL", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableSeedLines_AreNamedUnderThePlanField_AndCappedSoOtherMistakesStillShow()
    {
        _files.Write("seeds.jsonl", string.Concat(Enumerable.Repeat("not json\n", 80)));
        string[] problems = Problems(Plan(Own.Replace("\"gold\"", "\"gould\"", StringComparison.Ordinal), "\"instance-generation/math\": \"seeds.jsonl\""));

        Assert.All(problems.Where(p => p.Contains("seeds.jsonl", StringComparison.Ordinal)), p => Assert.Contains("$.seeds['instance-generation/math']", p, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("grader.answer", StringComparison.Ordinal) && p.Contains("'gould'", StringComparison.Ordinal));
        Assert.True(problems.Length < 50, $"{problems.Length} problems");
    }

    [Fact]
    public void RecordWithoutAFieldThePromptPrints_IsNamedWithFileAndLine_ButATestedFieldIsOptional()
    {
        _files.Write("test.jsonl", "{\"id\": \"a\", \"question\": \"q1\", \"gold\": \"1\", \"hint\": \"h\", \"note\": \"n\"}\n{\"id\": \"b\", \"gold\": \"2\"}\n{\"id\": \"c\", \"question\": \"q3\"}\n");
        string[] problems = Problems(Plan("\"own\": { \"problems\": \"test.jsonl\", \"prompt\": \"{{ question | strip }}{% if hint %} Hint: {{ hint }}{% endif %} {{ note | default: 'none' }}\", \"grader\": { \"kind\": \"numeric\", \"answer\": \"gold\" } }"));

        Assert.Contains(problems, p => p.Contains(".prompt'", StringComparison.Ordinal) && p.Contains("test.jsonl:2: field 'question': is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(".grader.answer'", StringComparison.Ordinal) && p.Contains("test.jsonl:3: field 'gold': is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("'hint'", StringComparison.Ordinal) || p.Contains("'note'", StringComparison.Ordinal));
        Assert.Equal(2, problems.Length);
        Assert.Equal(["question"], LiquidTemplateHoles("{{ question | upcase }}"));
    }

    private static IReadOnlyList<string> LiquidTemplateHoles(string template) =>
        LiquidTemplate.Parse(template, out _)!.Holes(new BenchmarkProblem("a", string.Empty, null, 1));

    [Fact]
    public void Holes_AreFieldsWhoseTextIsUsed_NotThoseOnlyTestedOrDefaulted()
    {
        Assert.Equal(["a", "b"], LiquidTemplateHoles("{{ a }} {{ b.c }} {% if d %}{{ d }}{% endif %} {% unless e %}-{% endunless %} {{ f | default: 'x' }}"));
        Assert.Empty(LiquidTemplateHoles("{% if g == nil %}none{% endif %}{% if h != blank %}{{ h }}{% endif %}"));
    }

    [Fact]
    public void RecordWithoutAFieldTheJudgeRubricUses_IsNamed()
    {
        _files.Write("rubric.txt", "Question: {{ question }}\nUnit: {{ unit }}\nAnswer: {{ response }}\nScore 1-5 and end with [RESULT] n.");
        _files.Write("test.jsonl", "{\"id\": \"a\", \"question\": \"q1\", \"unit\": \"m\"}\n{\"id\": \"b\", \"question\": \"q2\"}\n");
        string[] problems = Problems(Plan("\"own\": { \"problems\": \"test.jsonl\", \"prompt\": \"{{ question }}\", \"grader\": { \"kind\": \"judge\", \"rubric\": \"rubric.txt\" } }"));

        Assert.Contains(problems, p => p.Contains(".grader.rubric'", StringComparison.Ordinal) && p.Contains("test.jsonl:2: field 'unit': is missing", StringComparison.Ordinal));
        Assert.Single(problems);
    }

    [Fact]
    public void IdFieldTheFileLacks_IsAPlanError_WithDidYouMean()
    {
        _files.Write("elements.json", "[{\"symbol\": \"H\", \"question\": \"q1\", \"gold\": \"1\"}, {\"symbol\": \"He\", \"question\": \"q2\", \"gold\": \"2\"}]");
        string[] problems = Problems(Plan("\"own\": { \"problems\": \"elements.json\", \"idField\": \"sym\", \"prompt\": \"{{ question }}\", \"grader\": { \"kind\": \"exact\", \"answer\": \"gold\" } }"));

        var problem = Assert.Single(problems);
        Assert.Contains("field '$.evaluation.benchmarks.own.idField'", problem, StringComparison.Ordinal);
        Assert.Contains("did you mean 'symbol'?", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchmarkNoDomainUses_StillHasItsOtherMistakesNamed()
    {
        string[] problems = Problems(Plan(Own + ", \"orphan\": { \"problems\": \"test.jsonl\", \"prompt\": \"{{ questoin }}\", \"grader\": { \"kind\": \"numeric\", \"answer\": \"gould\", \"tolerence\": 0.1 } }"));

        Assert.Contains(problems, p => p.Contains("no domain uses the benchmark 'orphan'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("orphan.prompt'", StringComparison.Ordinal) && p.Contains("{{ questoin }}", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("orphan.grader.answer'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("orphan.grader.tolerence'", StringComparison.Ordinal) && p.Contains("did you mean 'tolerance'", StringComparison.Ordinal));
    }

    [Fact]
    public void PromptFieldsAreChecked_EvenWhenTheProblemsFileHasRowErrors()
    {
        _files.Write("test.csv", "id,question,gold,unit\na,q1,1,m\nb,q2,2\nc,q3,3,m\nc,q4,4,m\n");
        string[] problems = Problems(Plan("\"own\": { \"problems\": \"test.csv\", \"prompt\": \"{{ question }} in {{ target_unit }}\", \"grader\": { \"kind\": \"numeric\", \"answer\": \"gold\" } }"));

        Assert.Contains(problems, p => p.Contains("test.csv:3: the row has 3 cells", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the id 'c' appears 2 times", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{{ target_unit }}", StringComparison.Ordinal) && p.Contains("its fields are gold, id, question, unit", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownGraderKind_StillHasItsExtractRegexAndOptionsChecked()
    {
        string[] problems = Problems(Plan(
            "\"own\": { \"problems\": \"test.jsonl\", \"prompt\": \"{{ question }}\", \"grader\": { \"kind\": \"numerik\", \"answer\": \"gold\", \"tolerance\": -1, \"extract\": \"Answer: (.+\" } },"
            + "\"other\": { \"problems\": \"test.jsonl\", \"prompt\": \"{{ question }}\", \"grader\": { \"kind\": \"zzzzzz\", \"extract\": \"Answer: .+\" } }",
            domainBenchmarks: "\"own\", \"other\""));

        Assert.Contains(problems, p => p.Contains("own.grader.kind'", StringComparison.Ordinal) && p.Contains("did you mean 'numeric'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("own.grader.extract'", StringComparison.Ordinal) && p.Contains("does not compile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("own.grader.tolerance'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("other.grader.kind'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("other.grader.extract'", StringComparison.Ordinal) && p.Contains("exactly one capture group", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProblemsRead_WithAnIdFieldSomeRecordsLack_FailOutsideAPlanToo()
    {
        _files.Write("test.jsonl", "{\"key\": \"a\", \"question\": \"q1\"}\n{\"question\": \"q2\"}\n");
        var definition = new BenchmarkDefinition { Id = "own", Prompt = "{{ question }}", Grader = new GraderSpec("exact"), IdField = "key" };
        var error = await Assert.ThrowsAsync<DataValidationException>(() => definition.ReadProblemsAsync(_files.File("test.jsonl")));
        var problem = Assert.Single(error.Errors);
        Assert.Equal((2, "key"), (problem.Line, problem.Field));
    }
}
