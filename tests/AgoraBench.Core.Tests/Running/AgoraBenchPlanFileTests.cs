using System.Text.Json.Nodes;
using AgoraBench.Tests.TestSupport;
using NJsonSchema;

namespace AgoraBench.Tests.Running;

public sealed class AgoraBenchPlanFileTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public AgoraBenchPlanFileTests()
    {
        Directory.CreateDirectory(_files.File("seeds"));
        _files.Write("seeds/math.json", "[{\"instruction\": \"What is 1 + 1?\", \"response\": \"2\\n[RESULT] 2 [/RESULT]\"}]");
        _files.Write("gsm8k.jsonl", "{\"question\": \"q\", \"answer\": \"#### 1\"}\n");
    }

    public void Dispose() => _files.Dispose();

    private static string Minimal(string extra = "") => $$"""
        {
          "name": "mini",
          "settings": ["instance-generation/math"],
          "instances": 5,
          "seeds": { "instance-generation/math": "seeds/math.json" },
          "generators": [ { "name": "gpt-4o-mini", "model": "gpt-4o-mini-2024-07-18" } ],
          "training": { "trainer": "command", "command": "train --data {data} --output-dir {output_dir}" },
          "evaluation": {
            "base": { "model": "meta-llama/Llama-3.1-8B", "endpoint": "http://localhost:8000/v1" },
            "reference": { "model": "meta-llama/Llama-3.1-8B-Instruct", "endpoint": "http://localhost:8001/v1" },
            "benchmarks": { "gsm8k": { "problems": "gsm8k.jsonl" } }
          }{{extra}}
        }
        """;

    [Fact]
    public void MinimalPlan_ReadsWithThePapersDefaults_AndAbsolutePaths()
    {
        var plan = AgoraBenchPlanFile.Parse(Minimal(), _files.File("plan.json"));

        Assert.Equal("mini", plan.Name);
        Assert.Equal(_files.File("seeds/math.json"), plan.Seeds["instance-generation/math"]);
        Assert.Equal(10, plan.Generation.MaxAttempts);
        Assert.Equal(1.0f, plan.Generation.Temperature);
        Assert.Equal(5, plan.Training.Hyperparameters.Epochs);
        Assert.Equal("meta-llama/Llama-3.1-8B", plan.Training.BaseModel);
        Assert.Null(plan.Generators[0].Endpoint.Endpoint);
        Assert.Equal("OPENAI_API_KEY", plan.Generators[0].Endpoint.KeyVariable());
        Assert.Equal(PgrAggregation.MeanOfPgr, plan.Analysis.Aggregation);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce_WithLineAndJsonPath()
    {
        string json = """
            {
              "name": "",
              "settings": ["instance-generation/math", "made-up/math"],
              "instances": -1,
              "seeds": {},
              "generators": [
                { "name": "a", "model": "m", "concurrency": 0, "price": { "input": -1, "output": 1 } },
                { "name": "a", "model": "m", "apiKey": "sk-123" }
              ],
              "generation": { "temperature": 3, "promptStyel": "json" },
              "metrics": { "names": ["response-quality"] },
              "training": { "trainer": "command" },
              "evaluation": { "benchmarks": { "gsm8k": { "problems": "none.jsonl", "limit": "ten" } } }
            }
            """;

        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(json, _files.File("plan.json")));

        var byField = error.Errors.ToLookup(e => e.Field);
        string Message(string field) => string.Join(" | ", byField[field].Select(e => e.Message));
        Assert.Contains("is missing", Message("$.name"), StringComparison.Ordinal);
        Assert.Contains("'made-up/math' is not a setting", Message("$.settings[1]"), StringComparison.Ordinal);
        Assert.Contains("must be at least 1", Message("$.instances"), StringComparison.Ordinal);
        Assert.Contains("needs seed data", Message("$.seeds['instance-generation/math']"), StringComparison.Ordinal);
        Assert.Contains("must be at least 1", Message("$.generators[0].concurrency"), StringComparison.Ordinal);
        Assert.Contains("must not be negative", Message("$.generators[0].price"), StringComparison.Ordinal);
        Assert.Contains("listed twice", Message("$.generators[1].name"), StringComparison.Ordinal);
        Assert.Contains("keys do not belong in a plan file", Message("$.generators[1].apiKey"), StringComparison.Ordinal);
        Assert.Contains("between 0 and 2", Message("$.generation.temperature"), StringComparison.Ordinal);
        Assert.Contains("did you mean 'promptStyle'?", Message("$.generation.promptStyel"), StringComparison.Ordinal);
        Assert.Contains("need a judge model", Message("$.metrics.judge"), StringComparison.Ordinal);
        Assert.Contains("needs a command template", Message("$.training.command"), StringComparison.Ordinal);
        Assert.Contains("base model's scores", Message("$.evaluation.base"), StringComparison.Ordinal);
        Assert.Contains("must be a whole number", Message("$.evaluation.benchmarks.gsm8k.limit"), StringComparison.Ordinal);
        Assert.Contains("does not exist", Message("$.evaluation.benchmarks.gsm8k.problems"), StringComparison.Ordinal);

        // Each error names the file and its line in it.
        var temperature = byField["$.generation.temperature"].Single();
        Assert.Equal(_files.File("plan.json"), temperature.Source);
        Assert.Equal(10, temperature.Line);
        Assert.Equal(7, byField["$.generators[0].concurrency"].Single().Line);
        Assert.DoesNotContain("sk-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainingRepeats_DefaultToOne_AreRead_AndZeroIsAnErrorWithLineAndPath_InTheReaderAndTheSchema()
    {
        const string Training = "\"command\": \"train --data {data} --output-dir {output_dir}\" }";
        string Plan(string repeats) => Minimal().Replace(Training, "\"command\": \"train --data {data} --output-dir {output_dir}\",\n    \"repeats\": " + repeats + " }", StringComparison.Ordinal);

        Assert.Equal(1, AgoraBenchPlanFile.Parse(Minimal(), _files.File("plan.json")).Training.Repeats);
        Assert.Equal(3, AgoraBenchPlanFile.Parse(Plan("3"), _files.File("plan.json")).Training.Repeats);

        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(Plan("0"), _files.File("plan.json")));
        var repeats = error.Errors.Single(e => e.Field == "$.training.repeats");
        Assert.Equal(_files.File("plan.json"), repeats.Source);
        Assert.Equal(8, repeats.Line);
        Assert.Contains("must be at least 1", repeats.Message, StringComparison.Ordinal);
        var text = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(Plan("\"two\""), _files.File("plan.json")));
        Assert.Contains(text.Errors, e => e.Field == "$.training.repeats" && e.Line == 8);

        var schema = await JsonSchema.FromFileAsync(RepositoryRoot.Combine("docs", "plan.schema.json"));
        Assert.Empty(schema.Validate(Plan("3")));
        Assert.Contains(schema.Validate(Plan("0")), e => e.Path?.Contains("repeats", StringComparison.Ordinal) == true);
        Assert.Contains(schema.Validate(Plan("1.5")), e => e.Path?.Contains("repeats", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void LengthControlledV1Inputs_AreReadForAlpacaEval_AndNeedEachOther()
    {
        File.WriteAllText(_files.File("gsm8k.jsonl"), "{}\n");
        File.WriteAllText(_files.File("alpaca.json"), "[]");
        File.WriteAllText(_files.File("difficulty.csv"), "instruction,difficulty\n");
        File.WriteAllText(_files.File("gamed.csv"), "x\n");
        string Plan(string alpaca, string gsm8k = "") => Minimal().Replace(
            "\"gsm8k\": { \"problems\": \"gsm8k.jsonl\" }",
            $"\"gsm8k\": {{ \"problems\": \"gsm8k.jsonl\"{gsm8k} }}, \"alpacaeval-2.0\": {{ \"problems\": \"alpaca.json\"{alpaca} }}",
            StringComparison.Ordinal).Replace("\"benchmarks\":", "\"judge\": { \"model\": \"gpt-4o\" }, \"benchmarks\":", StringComparison.Ordinal);

        var plan = AgoraBenchPlanFile.Parse(Plan(", \"instructionDifficulty\": \"difficulty.csv\", \"gamedBaselines\": \"gamed.csv\""), _files.File("plan.json"));
        var alpacaEval = plan.Evaluation.Benchmarks.Values.Single(b => b.Benchmark == EvaluationBenchmarks.AlpacaEval2);
        Assert.Equal(_files.File("difficulty.csv"), alpacaEval.InstructionDifficulty);
        Assert.Equal(_files.File("gamed.csv"), alpacaEval.GamedBaselines);

        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(
            Plan(", \"instructionDifficulty\": \"difficulty.csv\"", ", \"instructionDifficulty\": \"difficulty.csv\", \"gamedBaselines\": \"gamed.csv\""), _files.File("plan.json")));
        Assert.Contains(error.Errors, e => e.Field == "$.evaluation.benchmarks['alpacaeval-2.0'].gamedBaselines" && e.Message.Contains("needs both", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Field == "$.evaluation.benchmarks.gsm8k.instructionDifficulty" && e.Message.Contains("alpaca", StringComparison.Ordinal));
    }

    [Fact]
    public void SyntaxErrors_NameTheLine()
    {
        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse("{\n  \"name\": \"x\",\n  \"settings\": [\n}", "p.json"));

        Assert.Equal(4, error.Errors.Single().Line);
        Assert.StartsWith("not valid JSON", error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentVariables_AreExpandedInEndpointsAndPaths_AndAnUnsetOneIsAnError()
    {
        string json = Minimal().Replace("\"http://localhost:8000/v1\"", "\"${BASE_URL:-http://localhost:9000/v1}\"", StringComparison.Ordinal)
            .Replace("\"http://localhost:8001/v1\"", "\"${REFERENCE_URL}\"", StringComparison.Ordinal);
        var variables = new Dictionary<string, string> { ["REFERENCE_URL"] = "http://gpu-7:8001/v1" };

        var plan = AgoraBenchPlanFile.Parse(json, _files.File("plan.json"), variables.GetValueOrDefault);

        Assert.Equal(new Uri("http://localhost:9000/v1"), plan.Evaluation.Base!.Endpoint);
        Assert.Equal(new Uri("http://gpu-7:8001/v1"), plan.Evaluation.Reference!.Endpoint);
        var error = Assert.Throws<DataValidationException>(() => AgoraBenchPlanFile.Parse(json, _files.File("plan.json"), _ => null));
        Assert.Contains(error.Errors, e => e.Field == "$.evaluation.reference.endpoint" && e.Message.Contains("REFERENCE_URL is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void ARedactedEndpoint_DropsCredentialsAndQuery()
    {
        var endpoint = new ModelEndpoint { Model = "m", Endpoint = new Uri("https://user:pass@example.org/openai/v1?api-key=secret#x") };

        Assert.Equal("https://example.org/openai/v1", endpoint.RedactedEndpoint());
    }

    [Fact]
    public async Task ThePlanSchema_AcceptsTheSamplePlans()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryRoot.Combine("docs", "plan.schema.json"));
        var plans = Directory.GetFiles(RepositoryRoot.Combine("samples", "plans"), "*.json");
        Assert.True(plans.Length >= 4, "samples/plans should hold the OpenAI, vLLM, Ollama and paper plans");
        foreach (string file in plans)
        {
            var errors = schema.Validate(File.ReadAllText(file));
            Assert.True(errors.Count == 0, file + ": " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [Fact]
    public async Task ThePlanSchema_AcceptsEveryPlanOfTheSamples_AndEveryWholePlanInTheDocs()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryRoot.Combine("docs", "plan.schema.json"));
        var plans = Directory.GetFiles(RepositoryRoot.Combine("samples"), "plan*.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(RepositoryRoot.Combine("samples", "plans"), "*.json"))
            .Distinct(StringComparer.Ordinal)
            .Select(f => (Name: f, Json: File.ReadAllText(f)))
            .ToList();
        Assert.Contains(plans, p => p.Name.EndsWith(Path.Combine("own-task", "plan.json"), StringComparison.Ordinal));

        // A ```json block of a doc that holds a whole plan (settings and evaluation) is checked too.
        foreach (string doc in Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md"))
        {
            string text = File.ReadAllText(doc);
            foreach (System.Text.RegularExpressions.Match block in System.Text.RegularExpressions.Regex.Matches(text, "```json\n(.*?)\n```", System.Text.RegularExpressions.RegexOptions.Singleline))
            {
                if (TryParseObject(block.Groups[1].Value) is { } node && node.ContainsKey("settings") && node.ContainsKey("evaluation"))
                {
                    plans.Add(($"{doc} (line {text[..block.Index].Count(c => c == '\n') + 1})", block.Groups[1].Value));
                }
            }
        }

        Assert.Contains(plans, p => p.Name.Contains("plan.md", StringComparison.Ordinal));
        foreach (var (name, json) in plans)
        {
            var errors = schema.Validate(json);
            Assert.True(errors.Count == 0, name + ": " + string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
        }
    }

    [Fact]
    public async Task ThePlanSchema_ChecksTheOptionsOfEachGraderKind_AndTheDomains()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryRoot.Combine("docs", "plan.schema.json"));
        string sample = File.ReadAllText(RepositoryRoot.Combine("samples", "own-task", "plan.json"));
        Assert.Empty(schema.Validate(sample));
        var mistakes = new Dictionary<string, Action<JsonNode>>
        {
            ["a judge's passScore as text"] = n => n["evaluation"]!["benchmarks"]!["sql-judge"]!["grader"]!["passScore"] = "four",
            ["a numeric option on python-tests"] = n => n["evaluation"]!["benchmarks"]!["sql-exec"]!["grader"]!["tolerance"] = 0.5,
            ["python-tests without tests"] = n => n["evaluation"]!["benchmarks"]!["sql-exec"]!["grader"]!.AsObject().Remove("tests"),
            ["a grader without a kind"] = n => n["evaluation"]!["benchmarks"]!["sql-exec"]!["grader"]!.AsObject().Remove("kind"),
            ["an unknown validator"] = n => n["domains"]!["sql"]!["validator"] = "sql",
            ["a domain without benchmarks"] = n => n["domains"]!["sql"]!.AsObject().Remove("benchmarks"),
            ["an unknown rubric metric"] = n => n["domains"]!["sql"]!["rubrics"] = new JsonObject { ["quality"] = "q.txt" },
            ["a misspelt benchmark key"] = n => n["evaluation"]!["benchmarks"]!["sql-exec"]!["promt"] = "x",
        };
        foreach (var (what, edit) in mistakes)
        {
            var node = JsonNode.Parse(sample)!;
            edit(node);
            Assert.True(schema.Validate(node.ToJsonString()).Count > 0, what);
        }

        // A kind a host registers takes its own options.
        var hosted = JsonNode.Parse(sample)!;
        hosted["evaluation"]!["benchmarks"]!["sql-exec"]!["grader"] = new JsonObject { ["kind"] = "my-kind", ["anything"] = 1 };
        Assert.Empty(schema.Validate(hosted.ToJsonString()));
    }

    private static JsonObject? TryParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [Fact]
    public async Task ThePlanSchema_RejectsWhatTheReaderRejects()
    {
        var schema = await JsonSchema.FromFileAsync(RepositoryRoot.Combine("docs", "plan.schema.json"));
        var node = JsonNode.Parse(Minimal())!;
        node["generators"]![0]!["apiKey"] = "sk";
        node["instances"] = 0;

        var errors = schema.Validate(node.ToJsonString());

        Assert.Contains(errors, e => e.Path?.Contains("generators", StringComparison.Ordinal) == true);
        Assert.Contains(errors, e => e.Path?.Contains("instances", StringComparison.Ordinal) == true);
        Assert.Empty(schema.Validate(Minimal()));
    }
}
