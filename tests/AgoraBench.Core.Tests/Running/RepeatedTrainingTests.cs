using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

/// <summary>
/// <c>training.repeats</c> on the in-process study: every cell is trained once per seed (its own request, seed, run
/// name and evaluation), the PGR averages the runs and splits their spread, a resumed run with more repeats trains only
/// the new ones, and the pairwise benchmarks (Arena-Hard, AlpacaEval) get intervals from their persisted games.
/// </summary>
public sealed class RepeatedTrainingTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private static string? Environment(string name) => name == StudyFixture.KeyVariable ? StudyFixture.SecretValue : System.Environment.GetEnvironmentVariable(name);

    private static AgoraBenchRunnerOptions Options(IStudentTrainer trainer) =>
        new AgoraBenchRunnerOptions { Environment = Environment, Trainer = trainer }.UseOpenAI(Environment);

    [Fact]
    public async Task Repeats_TrainEachCellOncePerSeed_EvaluateEveryRun_AndAResumeTrainsOnlyTheNewRuns()
    {
        var trainer = new SeedRecordingTrainer(_study.Server.Endpoint);
        string dir = _study.RunDirectory("repeats");
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(edit: p =>
        {
            p["training"]!["repeats"] = 2;
            p["analysis"] = new System.Text.Json.Nodes.JsonObject { ["budgetUsdPerSetting"] = 1000 };
        }), CancellationToken.None);

        var result = await new AgoraBenchRunner(plan, dir, Options(trainer)).RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Status} {s.Message}")));

        // 6 cells × 2 runs: one request each, with the plan's seed and then the next, and a run name of its own.
        Assert.Equal(12, trainer.Requests.Count);
        Assert.Equal(12, trainer.Requests.Select(r => r.RunName).Distinct(StringComparer.Ordinal).Count());
        int seed = plan.Training.Hyperparameters.Seed;
        foreach (var cell in trainer.Requests.GroupBy(r => (r.Generator, r.Setting)))
        {
            Assert.Equal([seed, seed + 1], cell.Select(r => r.Hyperparameters.Seed).Order());
            Assert.Single(cell, r => r.RunName!.EndsWith("-r2", StringComparison.Ordinal) && r.Hyperparameters.Seed == seed + 1);
        }

        // 6 cells × (generate, metrics, export) + 12 trainings + 12 base/reference + 2 × 12 student + 12 solver evaluations + pgr, analyze, report.
        Assert.Equal((6 * 3) + 12 + 12 + 24 + 12 + 3, result.Steps.Count);
        string cellDir = Path.Combine(dir, "cells", "gen-a", "instance-generation-math");
        Assert.True(File.Exists(Path.Combine(cellDir, "student.json")));
        Assert.True(File.Exists(Path.Combine(cellDir, "student.r2.json")));
        Assert.True(File.Exists(Path.Combine(cellDir, "eval-r2", "gsm8k.json")));

        // Both runs of a cell answer alike here (the fake serves by generator), so the mean is the single-run PGR and the seed spread is 0.
        var math = AgoraBenchSettings.Get(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        var igMath = result.Leaderboard!["gen-a"].Cells.Single(c => c.Setting.Equals(math));
        Assert.Equal(100.0 * 4 / 6, igMath.Value, 6);
        Assert.Equal(2, igMath.Variance!.Repeats);
        Assert.Equal(0, igMath.Variance.TrainingSeedSd, 9);
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "pgr", "pgr.json"))))
        {
            var split = json.RootElement.GetProperty("generators")[0].GetProperty("repeats").GetProperty("cells").GetProperty("instance-generation/math");
            Assert.Equal(2, split.GetProperty("pgr_per_repeat").GetArrayLength());
        }

        Assert.StartsWith("generator,method,domain,benchmark,item,student,base,reference,repeat,", File.ReadLines(Path.Combine(dir, "pgr", "items.csv")).First(), StringComparison.Ordinal);

        // The pairwise benchmarks resample their games like the others: every row of theirs has an interval.
        var pairwise = File.ReadAllLines(Path.Combine(dir, "pgr", "pgr.csv")).Select(l => l.Split(',')).Where(r => r[2] == "benchmark" && r[5] is "arena-hard" or "alpacaeval-2.0").ToArray();
        Assert.Equal(4, pairwise.Length);
        foreach (var row in pairwise)
        {
            Assert.True(row[10].Length > 0 && row[11].Length > 0, string.Join(',', row));
            double low = double.Parse(row[10], CultureInfo.InvariantCulture), pgr = double.Parse(row[6], CultureInfo.InvariantCulture), high = double.Parse(row[11], CultureInfo.InvariantCulture);
            Assert.InRange(pgr, low, high);
        }

        // With a budget and the generators' prices, the report names the best affordable generator and how sure that is.
        using (var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "report", "results.json"))))
        {
            var decision = results.RootElement.GetProperty("budget_decision");
            string best = decision.GetProperty("best").GetString()!;
            Assert.Equal(result.Leaderboard!.Generators[0].Generator, best);
            Assert.Equal(1000, decision.GetProperty("budget_usd").GetDouble());
            Assert.True(decision.GetProperty("choices").EnumerateArray().All(c => c.GetProperty("affordable").GetBoolean() && c.GetProperty("usd").GetDouble() > 0));

            // This study's HumanEval (a handful of problems) leaves the overall PGR without an interval, so there are no
            // comparisons and the decision says it cannot tell how sure it is rather than inventing a probability.
            Assert.Empty(results.RootElement.GetProperty("uncertainty").GetProperty("comparisons").EnumerateArray());
            Assert.Equal(JsonValueKind.Null, decision.GetProperty("p_best_better").ValueKind);
            Assert.Contains("no paired resamples", decision.GetProperty("summary").GetString(), StringComparison.Ordinal);
            string html = File.ReadAllText(Path.Combine(dir, "report", "report.html"));
            Assert.Contains("id=\"budget\"", html, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(decision.GetProperty("summary").GetString()!), html, StringComparison.Ordinal);
            Assert.Contains("id=\"repeats\"", html, StringComparison.Ordinal);
        }

        // Three runs instead of two: only the third of each cell is trained and evaluated.
        var more = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(edit: p =>
        {
            p["training"]!["repeats"] = 3;
            p["analysis"] = new System.Text.Json.Nodes.JsonObject { ["budgetUsdPerSetting"] = 1000 };
        }), CancellationToken.None);
        var again = await new AgoraBenchRunner(more, dir, Options(trainer)).RunAsync();

        Assert.True(again.Succeeded, string.Join("\n", again.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Status} {s.Message}")));
        Assert.Equal(18, trainer.Requests.Count);
        Assert.All(trainer.Requests.Skip(12), r => Assert.EndsWith("-r3", r.RunName, StringComparison.Ordinal));
        Assert.All(again.Steps.Where(s => s.Stage == RunStage.Train && !s.Id.EndsWith(":r3", StringComparison.Ordinal)), s => Assert.Equal("up to date", s.Message));
        Assert.Equal(3, again.Leaderboard!["gen-a"].Cells.Single(c => c.Setting.Equals(math)).Variance!.Repeats);
    }

    [Fact]
    public async Task Repeats_WithPrecomputedStudents_AreRefused_WithThePlanPath()
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => AgoraBenchPlanFile.ReadAsync(_study.WritePlan(edit: p =>
        {
            p["training"]!["trainer"] = "precomputed";
            p["training"]!["repeats"] = 2;
        }), CancellationToken.None));

        Assert.Contains(error.Errors, e => e.Field == "$.training.repeats" && e.Message.Contains("one student per cell", StringComparison.Ordinal));
    }

    private sealed class SeedRecordingTrainer(Uri endpoint) : IStudentTrainer
    {
        public ConcurrentQueue<StudentTrainingRequest> Queue { get; } = new();

        public IReadOnlyList<StudentTrainingRequest> Requests => [.. Queue];

        public string Name => "seed-recording";

        public Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
        {
            Queue.Enqueue(request);
            return Task.FromResult(new TrainedStudent(modelId: "student-" + request.RunName, trainer: Name, endpoint: endpoint));
        }
    }
}
