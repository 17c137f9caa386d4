using System.Text.Json.Nodes;
using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

public sealed class AgoraBenchRunnerTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private static AgoraBenchRunnerOptions Options() =>
        new AgoraBenchRunnerOptions { Environment = Environment }.UseOpenAI(Environment);

    private static string? Environment(string name) => name == StudyFixture.KeyVariable ? StudyFixture.SecretValue : System.Environment.GetEnvironmentVariable(name);

    private async Task<(AgoraBenchRunner Runner, RunResult Result)> RunAsync(string runName, IEnumerable<RunStage>? stages = null, string? planPath = null, CancellationToken cancellationToken = default)
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(planPath ?? _study.WritePlan(), CancellationToken.None);
        var runner = new AgoraBenchRunner(plan, _study.RunDirectory(runName), Options());
        return (runner, await runner.RunAsync(stages, cancellationToken: cancellationToken));
    }

    /// <summary>Counts the PGR computations (each one runs the paired bootstrap).</summary>
    private sealed class CountingPgrCalculator : IPgrCalculator
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public PgrReport Calculate(IEnumerable<BenchmarkScore> scores, PgrCalculationOptions? options = null)
        {
            Interlocked.Increment(ref _calls);
            return new PgrCalculator().Calculate(scores, options);
        }
    }

    [Fact]
    public async Task Run_ComputesPgrOnce_LaterStepsAndTheResultReadWhatThePgrStepWrote()
    {
        var calculator = new CountingPgrCalculator();
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(), CancellationToken.None);
        var options = Options();
        options.PgrCalculator = calculator;
        var runner = new AgoraBenchRunner(plan, _study.RunDirectory("once"), options);

        var result = await runner.RunAsync();

        // The PGR step computed it; analyze, report and the run's result read pgr.json and results.json back.
        Assert.True(result.Succeeded);
        Assert.Equal(1, calculator.Calls);
        string pgrJson = File.ReadAllText(Path.Combine(runner.RunDirectory, "pgr", "pgr.json"));
        Assert.Equal(pgrJson, PgrReportWriter.ToString(result.Leaderboard!, PgrReportFormat.Json));
        var results = ArtefactJson.Read(File.ReadAllText(Path.Combine(runner.RunDirectory, "report", "results.json")), ReportJsonContext.Default.AnalysisResultsDocument, "results.json");
        Assert.Equal(results.Findings, result.Findings);
        Assert.Equal(results.Diagnostics.Select(d => (d.Stage, d.Message)), result.AnalysisDiagnostics.Select(d => (d.Stage, d.Message)));

        // A second run finds every step done: nothing is computed again, and the result is the same.
        var again = await new AgoraBenchRunner(plan, runner.RunDirectory, options).RunAsync();
        Assert.Equal(1, calculator.Calls);
        Assert.Equal(pgrJson, PgrReportWriter.ToString(again.Leaderboard!, PgrReportFormat.Json));
        Assert.Equal(result.Findings, again.Findings);
    }

    [Fact]
    public async Task Run_SmallStudy_WritesEveryArtefact_TheLeaderboard_AndTheReport()
    {
        var (runner, result) = await RunAsync("full");

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Status} {s.Message}")));
        // 6 cells × (generate, metrics, export, train) + 12 base/reference + 12 student + 12 solver evaluations + pgr, analyze, report.
        Assert.Equal((6 * 4) + 12 + 12 + 12 + 3, result.Steps.Count);
        string dir = runner.RunDirectory;
        foreach (string file in new[] { "manifest.json", "plan.json", "run.log", "pgr/scores.csv", "pgr/pgr.md", "analysis/metrics.csv", "analysis/usage.csv", "analysis/costs.csv", "report/report.html", "report/results.json", "report/report.md" })
        {
            Assert.True(File.Exists(Path.Combine(dir, file)), file);
        }

        var data = await SyntheticDataset.ReadAsync(Path.Combine(dir, "cells", "gen-a", "instance-generation-math", "data.jsonl"));
        Assert.Equal(20, data.Count);
        Assert.Equal(20, data.Select(d => d.Instruction).Distinct().Count());

        // Students of gen-a answer 6 of 10 math problems, gen-b's 4; base 2, reference 8: PGR 66.7 and 33.3 on GSM8K and MATH.
        var leaderboard = result.Leaderboard!;
        Assert.Equal(["gen-a", "gen-b"], leaderboard.Generators.Select(g => g.Generator));
        var math = AgoraBenchSettings.Get(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        Assert.Equal(100.0 * 4 / 6, leaderboard["gen-a"].Cells.Single(c => c.Setting.Equals(math)).Value, 6);
        Assert.Equal(100.0 * 2 / 6, leaderboard["gen-b"].Cells.Single(c => c.Setting.Equals(math)).Value, 6);
        Assert.Equal(3, leaderboard["gen-a"].Cells.Count);

        // Problem-solving scores of the generators themselves feed the per-cell regression (two generators are too few
        // for the coarse one, which is skipped with a diagnostic); metrics feed the PCA.
        Assert.Equal(12, File.ReadAllLines(Path.Combine(dir, "analysis", "problem_solving.csv")).Length - 1);
        var results = ArtefactJson.Read(File.ReadAllText(Path.Combine(dir, "report", "results.json")), ReportJsonContext.Default.AnalysisResultsDocument, "results.json");
        Assert.NotNull(results.Regression.Fine);
        Assert.Equal(6, results.Regression.Fine.N);
        Assert.Equal(results.Findings, result.Findings);
        Assert.NotEmpty(result.Findings);
        Assert.Contains("instruction-diversity", File.ReadAllText(Path.Combine(dir, "analysis", "metrics.csv")), StringComparison.Ordinal);
        Assert.Contains(result.Costs, c => c.Stage == RunStage.Generate && c.Generator == "gen-a" && c.Usd > 0);

        // Measured generation spend: every completion the server served for a cell is in its attempt log (100 + 20 tokens each).
        var igMath = result.Costs.Single(c => c.Stage == RunStage.Generate && c.Generator == "gen-a" && c.Setting!.Equals(math));
        Assert.Equal((igMath.Requests * 100 * 1.0m + igMath.Requests * 20 * 4.0m) / 1_000_000m, igMath.Usd);

        // Nothing the run wrote holds the key.
        foreach (var (file, text) in StudyFixture.Files(dir))
        {
            Assert.False(text.Contains(StudyFixture.SecretValue, StringComparison.Ordinal), file);
        }

        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal("agorabench-run/1", manifest["format"]!.GetValue<string>());
        Assert.Equal(StudyFixture.KeyVariable, manifest["models"]!["generators"]![0]!["api_key_env"]!.GetValue<string>());
        Assert.StartsWith("sha256:", manifest["inputs"]!.AsObject().First().Value!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("done", manifest["steps"]!["report"]!["status"]!.GetValue<string>());
        Assert.NotNull(manifest["templates"]!["instance-generation/math"]!["sha256"]);
    }

    [Fact]
    public async Task EvaluationSpend_CountsTheJudgesGradingCalls_AsTheServerServedThem()
    {
        var (runner, result) = await RunAsync("spend");

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Status} {s.Message}")));
        var summaries = Directory.EnumerateFiles(Path.Combine(runner.RunDirectory, "steps"), "evaluate.*.json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!["summary"]!)
            .ToArray();
        static long Requests(JsonNode? usage) => usage?["requests"]?.GetValue<long>() ?? 0;

        // The judge's verdicts on the answers (AlpacaEval and Arena-Hard here) are in the evaluation steps' spend,
        // once per request the judge endpoint served (a verdict replayed from the run's cache costs nothing).
        int judgeServed = _study.Server.ChatRequests.Count(r => (string?)r["model"] == "pair-judge");
        Assert.True(judgeServed > 0);
        Assert.Equal(judgeServed, summaries.Sum(s => Requests(s["judge"])));
        Assert.All(summaries, s => Assert.Equal(Requests(s["answers"]) + Requests(s["judge"]), Requests(s)));
        Assert.All(summaries.Where(s => s["judge"] is not null), s => Assert.Equal("pair-judge", s["judge"]!["model"]!.GetValue<string>()));

        // What the run reports as evaluation spend (run.out, costs.csv, the report) is those totals.
        Assert.Equal(summaries.Sum(s => Requests(s)), result.Costs.Where(c => c.Stage == RunStage.Evaluate).Sum(c => c.Requests));
    }

    [Fact]
    public async Task Rerun_OfAFinishedRun_SkipsEveryStep_AndMakesNoRequest()
    {
        var (_, first) = await RunAsync("twice");
        Assert.True(first.Succeeded);
        int served = _study.Server.ChatCompletionsServed;
        int embeddings = _study.Server.EmbeddingRequests;
        string report = File.ReadAllText(Path.Combine(first.ReportDirectory!, "results.json"));

        var (_, second) = await RunAsync("twice");

        Assert.True(second.Succeeded);
        Assert.All(second.Steps, s => Assert.Equal("up to date", s.Message));
        Assert.Equal(served, _study.Server.ChatCompletionsServed);
        Assert.Equal(embeddings, _study.Server.EmbeddingRequests);
        Assert.Equal(report, File.ReadAllText(Path.Combine(second.ReportDirectory!, "results.json")));
    }

    [Fact]
    public async Task StageByStage_ProducesTheSameReport_AsOneUninterruptedRun()
    {
        var (_, whole) = await RunAsync("whole");
        Assert.True(whole.Succeeded);

        var (_, generated) = await RunAsync("staged", [RunStage.Generate]);
        Assert.All(generated.Steps.Where(s => s.Stage == RunStage.Generate), s => Assert.Equal(RunStepStatus.Done, s.Status));
        Assert.All(generated.Steps.Where(s => s.Stage == RunStage.Metrics), s => Assert.Equal(RunStepStatus.Pending, s.Status));
        Assert.False(Directory.Exists(Path.Combine(_study.RunDirectory("staged"), "report")));
        await RunAsync("staged", [RunStage.Metrics, RunStage.Export]);
        var (_, trained) = await RunAsync("staged", [RunStage.Train]);
        Assert.All(trained.Steps.Where(s => s.Stage == RunStage.Evaluate && s.Role == ModelRole.Student), s => Assert.Equal(RunStepStatus.Pending, s.Status));
        var (_, rest) = await RunAsync("staged");

        Assert.True(rest.Succeeded);
        Assert.Equal(StudyFixture.Files(whole.ReportDirectory!), StudyFixture.Files(rest.ReportDirectory!));
        Assert.Equal(File.ReadAllText(Path.Combine(whole.RunDirectory, "pgr", "scores.csv")), File.ReadAllText(Path.Combine(rest.RunDirectory, "pgr", "scores.csv")));
    }

    [Fact]
    public async Task Cancelled_MidGeneration_ThenResumed_ProducesTheSameReport_AndPaysOnlyForWhatWasMissing()
    {
        var (_, whole) = await RunAsync("reference-run");
        int wholeGeneration = _study.GenerationRequests;

        using var cancel = new CancellationTokenSource();
        int before = _study.GenerationRequests;
        var previous = _study.Server.ChatByModel!;
        _study.Server.ChatByModel = (model, prompt) =>
        {
            string answer = previous(model, prompt);
            if (_study.GenerationRequests - before == 50)
            {
                cancel.Cancel();
            }

            return answer;
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync("interrupted", cancellationToken: cancel.Token));
        _study.Server.ChatByModel = previous;
        var data = Directory.EnumerateFiles(_study.RunDirectory("interrupted"), "data.jsonl", SearchOption.AllDirectories).Sum(f => File.ReadAllLines(f).Length);
        Assert.InRange(data, 40, 50);

        var (_, resumed) = await RunAsync("interrupted");

        Assert.True(resumed.Succeeded);
        Assert.Equal(StudyFixture.Files(whole.ReportDirectory!), StudyFixture.Files(resumed.ReportDirectory!));
        // The resumed run asked only for the items that were not accepted yet (plus at most the one in flight, paid twice).
        Assert.InRange(_study.GenerationRequests - before, wholeGeneration, wholeGeneration + 2);
    }

    [Fact]
    public async Task ChangedMetrics_RerunMetricsAndReport_ButNeverGeneration()
    {
        await RunAsync("changed");
        int generation = _study.GenerationRequests;
        string plan = _study.WritePlan(edit: p => p["metrics"]!["names"] = new JsonArray("response-quality", "instruction-diversity"), name: "plan-fewer-metrics.json");

        var (_, result) = await RunAsync("changed", planPath: plan);

        Assert.True(result.Succeeded);
        Assert.Equal(generation, _study.GenerationRequests);
        Assert.All(result.Steps.Where(s => s.Stage == RunStage.Metrics), s => Assert.NotEqual("up to date", s.Message));
        Assert.All(result.Steps.Where(s => s.Stage is RunStage.Generate or RunStage.Train), s => Assert.Equal("up to date", s.Message));
        Assert.DoesNotContain("response-perplexity", File.ReadAllText(Path.Combine(result.RunDirectory, "analysis", "metrics.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedGenerationSettings_FailTheStep_AndKeepThePaidData()
    {
        await RunAsync("guarded", [RunStage.Generate]);
        string data = Path.Combine(_study.RunDirectory("guarded"), "cells", "gen-a", "instance-generation-math", "data.jsonl");
        string before = File.ReadAllText(data);
        string plan = _study.WritePlan(edit: p => p["randomSeed"] = 7, name: "plan-seed-7.json");

        var (_, result) = await RunAsync("guarded", [RunStage.Generate], plan);

        var step = result.Steps.Single(s => s.Id == "generate:gen-a:instance-generation/math");
        Assert.Equal(RunStepStatus.Failed, step.Status);
        Assert.Contains("paid-for data is kept", step.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(data));
    }

    [Fact]
    public async Task FailedTraining_BlocksItsEvaluations_WhileTheRestOfTheStudyIsReported()
    {
        File.WriteAllText(_study.TrainerScript, File.ReadAllText(_study.TrainerScript).Replace("set -e\n", "set -e\ncase \"$2\" in gen-b-response*) echo 'CUDA out of memory' >&2; exit 3;; esac\n", StringComparison.Ordinal));

        var (_, result) = await RunAsync("failing");

        Assert.False(result.Succeeded);
        var failed = result.Steps.Single(s => s.Status == RunStepStatus.Failed);
        Assert.Equal("train:gen-b:response-generation/code", failed.Id);
        Assert.Contains("CUDA out of memory", failed.Message, StringComparison.Ordinal);
        Assert.All(result.Steps.Where(s => s.Id.StartsWith("evaluate:student:gen-b:response-generation/code", StringComparison.Ordinal)), s => Assert.Equal(RunStepStatus.Blocked, s.Status));
        Assert.Equal(5, result.Leaderboard!.Generators.Sum(g => g.Cells.Count));
        Assert.NotNull(result.ReportDirectory);

        // Fixed, the rerun trains only the failed cell and completes the study.
        File.WriteAllText(_study.TrainerScript, File.ReadAllText(_study.TrainerScript).Replace("case \"$2\" in gen-b-response*) echo 'CUDA out of memory' >&2; exit 3;; esac\n", string.Empty, StringComparison.Ordinal));
        var (_, fixedRun) = await RunAsync("failing");
        Assert.True(fixedRun.Succeeded);
        Assert.Equal(6, fixedRun.Leaderboard!.Generators.Sum(g => g.Cells.Count));
        Assert.Equal("up to date", fixedRun.Steps.Single(s => s.Id == "train:gen-a:response-generation/code").Message);
    }

    [Fact]
    public async Task ATrainerEndpointWithACredentialInItsUrl_FailsTheStep_AndIsNeverWritten()
    {
        const string Password = "s3cret-in-url-9137";
        File.WriteAllText(_study.TrainerScript, File.ReadAllText(_study.TrainerScript).Replace("\"$STUDENT_ENDPOINT\"", "\"$(echo \"$STUDENT_ENDPOINT\" | sed 's#://#://user:" + Password + "@#')\"", StringComparison.Ordinal));

        var (_, result) = await RunAsync("credential");

        Assert.False(result.Succeeded);
        var failed = result.Steps.Where(s => s.Status == RunStepStatus.Failed && s.Stage == RunStage.Train).ToArray();
        Assert.NotEmpty(failed);
        Assert.All(failed, s => Assert.Contains("api_key_env", s.Message, StringComparison.Ordinal));
        Assert.All(failed, s => Assert.DoesNotContain(Password, s.Message, StringComparison.Ordinal));
        // result.json is the training command's own output; everything the run writes itself stays clean.
        foreach (string file in Directory.EnumerateFiles(_study.RunDirectory("credential"), "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "result.json"))
        {
            Assert.DoesNotContain(Password, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Inspect_TellsEachStepsState_WithoutRunningAnything()
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan());
        var runner = new AgoraBenchRunner(plan, _study.RunDirectory("inspected"), Options());

        var steps = await runner.InspectAsync();

        Assert.Equal(RunStepStatus.Pending, steps.First(s => s.Stage == RunStage.Generate).Status);
        Assert.Equal(RunStepStatus.Blocked, steps.First(s => s.Stage == RunStage.Metrics).Status);
        Assert.Equal(0, _study.Server.ChatCompletionsServed);
        Assert.Contains(steps, s => s.Outputs.Contains("cells/gen-a/instance-generation-math/data.jsonl"));
    }

    [Fact]
    public async Task TwoRuns_CannotShareAFolder()
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan());
        string folder = _study.RunDirectory("locked");
        Directory.CreateDirectory(folder);
        using var held = new FileStream(Path.Combine(folder, "run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<DataValidationException>(() => new AgoraBenchRunner(plan, folder, Options()).RunAsync([RunStage.Generate]));

        Assert.Contains("Another agorabench run", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _study.Server.ChatCompletionsServed);
    }

    [Fact]
    public void InvalidOptions_AreAllReported()
    {
        var plan = AgoraBenchPlanFile.Parse(_study.PlanJson(), _study.PlanPath);

        var error = Assert.Throws<ArgumentException>(() => new AgoraBenchRunner(plan, _study.RunDirectory("x"), new AgoraBenchRunnerOptions { MaxParallelSteps = 0 }));

        Assert.Contains("ClientFactory is required.", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxParallelSteps must be at least 1 (was 0).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABatchGenerator_GoesThroughTheBatchApi_AtHalfPrice_WithTheSameScores()
    {
        var (_, online) = await RunAsync("online");
        await using var batch = await AgoraBench.OpenAI.Tests.FakeBatchServer.StartAsync();
        batch.Answer = body => _study.Answer(body["model"]!.GetValue<string>(), string.Join("\n", body["messages"]!.AsArray().Select(m => m!["content"]!.GetValue<string>())));
        string plan = _study.WritePlan(edit: p => (p["generators"]![0]!["endpoint"], p["generators"]![0]!["backend"]) = (batch.Endpoint.ToString(), "batch"), name: "plan-batch.json");
        var factory = new OpenAIModelClientFactory(Environment, new OpenAIBatchOptions { FlushDelay = TimeSpan.FromMilliseconds(20), PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(40) });
        var runner = new AgoraBenchRunner(await AgoraBenchPlanFile.ReadAsync(plan), _study.RunDirectory("batch"), new AgoraBenchRunnerOptions { ClientFactory = factory, Environment = Environment }.UseOpenAI(Environment));

        var result = await runner.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Message}")));
        Assert.True(batch.BatchesCreated >= 3, "one batch per generation cell at least");
        Assert.Equal(File.ReadAllText(Path.Combine(online.RunDirectory, "pgr", "scores.csv")), File.ReadAllText(Path.Combine(result.RunDirectory, "pgr", "scores.csv")));
        var math = AgoraBenchSettings.Get(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        RunCost Cost(RunResult r) => r.Costs.Single(c => c.Stage == RunStage.Generate && c.Generator == "gen-a" && c.Setting!.Equals(math));
        Assert.Equal(Cost(online).Usd / 2, Cost(result).Usd);
        Assert.True(Directory.Exists(Path.Combine(result.RunDirectory, "cache", "batch", "generator-gen-a-model")));
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "manifest.json")))!;
        Assert.Equal(0.5, manifest["models"]!["generators"]![0]!["price_usd_per_1m"]!["input"]!.GetValue<double>());
    }
}
