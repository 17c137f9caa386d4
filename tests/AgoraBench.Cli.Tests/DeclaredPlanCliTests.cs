using System.Text.Json;
using System.Text.Json.Nodes;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// The command line on plans that declare their own domain and benchmarks (the own-task sample): every mistake in
/// the new keys is named at once before anything runs, and <c>grade</c> / <c>evaluate</c> take a declared benchmark
/// with <c>--plan P --benchmark ID</c>.
/// </summary>
public sealed class DeclaredPlanCliTests : IAsyncLifetime, IDisposable
{
    private readonly TempFiles _temp = new();
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_APlanWithMistakesInTheNewKeys_NamesThemAllAtOnce_WithLineAndPath_AndGeneratesNothing()
    {
        string study = OwnTaskSampleTests.CopySample(_temp.PathOf("study"));
        File.WriteAllText(Path.Combine(study, "prompts", "bad_rubric.txt"), "Score Rubric\nQuestion: {{ question }}\nAnswer: {{ answr }}\n[RESULT] (an integer between 1 and 5)\n");
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(study, "plan.json")))!.AsObject();
        plan["settings"]!.AsArray().Add("instance-generation/chem");
        plan["generation"]!["templates"]!["quality-enhancement/sql"] = "prompts/missing.txt";
        plan["domains"]!["sql"]!["rubrics"] = new JsonObject { ["response-quality"] = "prompts/no-such-rubric.txt", ["instruction-dificulty"] = "prompts/rubric.txt" };
        var benchmarks = plan["evaluation"]!["benchmarks"]!;
        benchmarks["sql-exec"]!["grader"]!["kind"] = "python-test";
        benchmarks["sql-judge"]!["prompt"] = "{{ questoin }}";
        benchmarks["sql-judge"]!["grader"] = new JsonObject { ["kind"] = "judge", ["rubric"] = "prompts/bad_rubric.txt", ["passScore"] = "four" };
        string planPath = Path.Combine(study, "bad-plan.json");
        File.WriteAllText(planPath, plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        string runDir = Path.Combine(study, "runs", "bad");

        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", planPath, "--run-dir", runDir);

        Assert.True(exitCode == 3, $"exit code {exitCode}\n{error}\n{output}");
        string[] expected =
        [
            "'$.settings[3]'",                                       // a setting of a domain no one declared
            "chem",
            "'$.generation.templates['quality-enhancement/sql']'", // a template file that is not there
            "missing.txt",
            "'$.domains.sql.rubrics['response-quality']'",          // a domain rubric file that is not there
            "no-such-rubric.txt",
            "did you mean 'instruction-difficulty'",                 // a misspelt judged metric
            "'$.evaluation.benchmarks['sql-exec'].grader.kind'",    // an unknown grader kind
            "did you mean 'python-tests'",
            "{{ questoin }}",                                        // a prompt field the problems file lacks
            "its fields are check, ordered, question, sql",
            "{{ answr }}",                                           // a rubric field the problems file lacks
            "'$.evaluation.benchmarks['sql-judge'].grader.passScore'", // a grader option of the wrong type
        ];
        foreach (string text in expected)
        {
            Assert.True(error.Contains(text, StringComparison.Ordinal), $"missing {text} in:\n{error}");
        }

        // Each problem names the file and its line; there is no stack trace, and nothing was generated or paid for.
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("field '", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length >= 9, error);
        Assert.DoesNotContain("add \n", error, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Matches(@"bad-plan\.json:\d+: field '", l));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(runDir, "cells")), "the run generated data");
        Assert.Equal(0, _server.ChatCompletionsServed);
    }

    [PythonFact]
    public async Task Grade_WithPlanAndBenchmark_GradesTheDeclaredBenchmark_WithItsOwnGrader()
    {
        string study = OwnTaskSampleTests.CopySample(_temp.PathOf("study"));
        var questions = File.ReadAllLines(Path.Combine(study, "data", "test.jsonl")).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!).ToArray();
        // The first 30 answers are the gold queries in a ```sql block, the last 10 a query of the wrong table.
        string predictions = _temp.Write("preds.jsonl", string.Concat(questions.Select((q, i) =>
            new JsonObject { ["id"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture), ["output"] = i < 30 ? $"Here it is:\n```sql\n{q["sql"]}\n```" : "```sql\nSELECT name FROM sqlite_master;\n```" }.ToJsonString() + "\n")));

        var (exitCode, output, error) = await CliRunner.RunAsync("grade", "--plan", Path.Combine(study, "plan.json"), "--benchmark", "sql-exec", "--predictions", predictions, "--out", _temp.PathOf("grade.json"));

        Assert.True(exitCode == 0, error);
        Assert.Contains($"sql-exec: 75.00% of {questions.Length} problems", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.PathOf("grade.json")));
        Assert.Equal(75, json.RootElement.GetProperty("score").GetDouble(), 9);

        // A benchmark the plan does not have is named with the ones it has.
        (exitCode, _, error) = await CliRunner.RunAsync("grade", "--plan", Path.Combine(study, "plan.json"), "--benchmark", "sql-exex", "--predictions", predictions);
        Assert.Equal(2, exitCode);
        Assert.Contains("did you mean 'sql-exec'", error, StringComparison.Ordinal);

        // Without --plan only the built-in benchmarks are known.
        (exitCode, _, error) = await CliRunner.RunAsync("grade", "--benchmark", "sql-exec", "--problems", Path.Combine(study, "data", "test.jsonl"), "--predictions", predictions);
        Assert.Equal(2, exitCode);
        Assert.Contains("needs --plan", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_WithPlanAndBenchmark_AsksTheDeclaredPrompt_AndGradesWithTheDeclaredGrader()
    {
        _temp.Write("seeds.json", "[{\"instruction\": \"What is 1 + 1?\", \"response\": \"2\\n[RESULT] 2 [/RESULT]\"}]");
        _temp.Write("test.csv", "id,question,gold\nq1,What is 2+2?,4\nq2,What is 3+3?,6\nq3,What is 5+5?,10\nq4,What is 1+8?,9\n");
        string planPath = WriteArithPlan("""
            "base": { "model": "b", "endpoint": "http://localhost:9/v1" },
            "reference": { "model": "r", "endpoint": "http://localhost:9/v1" },
            "benchmarks": { "sums": { "problems": "test.csv", "prompt": "Sum question: {{ question }}", "grader": { "kind": "numeric", "answer": "gold" } } }
            """);
        var asked = new System.Collections.Concurrent.ConcurrentBag<string>();
        _server.Chat = prompt =>
        {
            asked.Add(prompt);
            return prompt.Contains("2+2", StringComparison.Ordinal) ? "It is 4." : prompt.Contains("3+3", StringComparison.Ordinal) ? "That makes 6" : "Maybe 12.";
        };

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "evaluate", "--plan", planPath, "--benchmark", "sums", "--model", "student", "--endpoint", _server.Endpoint.ToString(), "--out", _temp.PathOf("sums.json"));

        Assert.True(exitCode == 0, error + output);
        string[] prompts = ["Sum question: What is 1+8?", "Sum question: What is 2+2?", "Sum question: What is 3+3?", "Sum question: What is 5+5?"];
        Assert.Equal(prompts, asked.Order(StringComparer.Ordinal));
        Assert.Contains("sums: 50.00% of 4 problems", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(_temp.PathOf("sums.json")));
        Assert.Equal(50, json.RootElement.GetProperty("score").GetDouble(), 9);
    }

    [Fact]
    public async Task Evaluate_WithPlan_EvaluatesTheProblemsTheRunEvaluates_HeldOutDemonstrationsAndLimit()
    {
        _temp.Write("seeds.json", "[{\"instruction\": \"What is 1 + 1?\", \"response\": \"2\\n[RESULT] 2 [/RESULT]\"}]");
        _temp.Write("test.jsonl", string.Join("\n", Enumerable.Range(1, 8).Select(i => $"{{\"id\": \"q{i}\", \"question\": \"Question {i}?\", \"gold\": \"{i}\"}}")) + "\n");
        string planPath = WriteArithPlan("""
            "baseFewShot": 2,
            "base": { "model": "b", "endpoint": "http://localhost:9/v1" },
            "reference": { "model": "r", "endpoint": "http://localhost:9/v1" },
            "benchmarks": { "sums": { "problems": "test.jsonl", "limit": 3, "prompt": "{{ question }}", "grader": { "kind": "numeric", "answer": "gold" } } }
            """);
        var asked = new System.Collections.Concurrent.ConcurrentBag<string>();
        _server.Chat = prompt =>
        {
            asked.Add(prompt);
            return "Answer: " + prompt[prompt.LastIndexOf("Question ", StringComparison.Ordinal)..].Split(' ', '?')[1];
        };

        // A run of this plan evaluates the problems after the two held-out demonstrations, at most three of them
        // (EvaluateStep and the estimate select them with the same PlanBenchmark.Evaluated).
        string[] runProblems = ["q3", "q4", "q5"];

        var (exitCode, output, error) = await CliRunner.RunAsync(
            "evaluate", "--plan", planPath, "--benchmark", "sums", "--model", "student", "--endpoint", _server.Endpoint.ToString(), "--out", _temp.PathOf("sums.json"));

        Assert.True(exitCode == 0, error + output);
        Assert.Equal(["Question 3?", "Question 4?", "Question 5?"], asked.Select(p => p[p.LastIndexOf("Question ", StringComparison.Ordinal)..].Trim()).Order(StringComparer.Ordinal));
        Assert.Contains("sums: 100.00% of 3 problems", output, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(File.ReadAllText(_temp.PathOf("sums.json"))))
        {
            Assert.Equal(runProblems, json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        }

        // --limit still overrides the plan's limit.
        asked.Clear();
        (exitCode, output, error) = await CliRunner.RunAsync(
            "evaluate", "--plan", planPath, "--benchmark", "sums", "--limit", "5", "--model", "student", "--endpoint", _server.Endpoint.ToString(), "--out", _temp.PathOf("sums5.json"));
        Assert.True(exitCode == 0, error + output);
        Assert.Contains("sums: 100.00% of 5 problems", output, StringComparison.Ordinal);
    }

    /// <summary>Writes a one-setting plan of the declared domain "arith" (benchmark "sums") with the given evaluation members, and its template.</summary>
    private string WriteArithPlan(string evaluation)
    {
        _temp.Write("rg.txt", File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "own-task", "prompts", "rg.txt")));
        return _temp.Write("plan.json", $$"""
            {
              "name": "arith",
              "domains": { "arith": { "benchmarks": ["sums"] } },
              "settings": ["response-generation/arith"],
              "instances": 5,
              "seeds": { "response-generation/arith": "seeds.json" },
              "generation": { "templates": { "response-generation/arith": "rg.txt" } },
              "generators": [ { "name": "g", "model": "m", "endpoint": "http://localhost:9/v1" } ],
              "training": { "trainer": "command", "command": "train {data} {output_dir}" },
              "evaluation": {
            {{evaluation}}
              }
            }
            """);
    }
}
