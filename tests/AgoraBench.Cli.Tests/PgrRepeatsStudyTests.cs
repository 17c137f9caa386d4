using System.Globalization;
using System.Text.Json;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// <c>training.repeats</c> end to end on the loopback study: each cell's student is trained three times (its own seed,
/// run name and evaluation), so with <c>--spread hash</c> the three students answer differently; the PGR is the mean,
/// and pgr.json splits the spread across runs from the spread across problems.
/// </summary>
public sealed class PgrRepeatsStudyTests
{
    [StudyFakeFact]
    public async Task Study_WithThreeRepeats_TrainsAndEvaluatesEachRun_AndSplitsSeedFromEvaluationSpread()
    {
        await using var fake = await StudyFake.StartAsync("--spread", "hash");
        string run = Path.Combine(fake.Root, "run");
        var plan = fake.Plan(" --steps {seed}");
        plan["training"]!["repeats"] = 3;

        var result = await CliRunner.RunAsync("run", "--plan", fake.WritePlan(plan), "--run-dir", run);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);

        // Three students per generator answered the benchmark, each trained with its own seed (42, 43, 44).
        var stats = await fake.StatsAsync();
        var students = stats.GetProperty("students").EnumerateObject().Select(p => p.Name).Where(n => n.StartsWith("student-gen-a", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["student-gen-a-instance-generation-math", "student-gen-a-instance-generation-math-r2", "student-gen-a-instance-generation-math-r3"], students);
        string cell = Path.Combine(run, "cells", "gen-a", "instance-generation-math");
        Assert.Contains("step 42/42", File.ReadAllText(Path.Combine(cell, "training", "progress.log")), StringComparison.Ordinal);
        Assert.Contains("step 43/43", File.ReadAllText(Path.Combine(cell, "training-r2", "progress.log")), StringComparison.Ordinal);
        Assert.Contains("step 44/44", File.ReadAllText(Path.Combine(cell, "training-r3", "progress.log")), StringComparison.Ordinal);

        // Each run's PGR from its own evaluation result, computed here; the cell's PGR is their mean.
        double Score(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("score").GetDouble();
        double baseScore = Score(Path.Combine(run, "baselines", "base", "gsm8k.json"));
        double reference = Score(Path.Combine(run, "baselines", "reference", "gsm8k.json"));
        double[] perRun = [.. new[] { "eval", "eval-r2", "eval-r3" }.Select(e => 100 * (Score(Path.Combine(cell, e, "gsm8k.json")) - baseScore) / (reference - baseScore))];

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "pgr", "pgr.json")));
        var genA = json.RootElement.GetProperty("generators").EnumerateArray().Single(g => g.GetProperty("generator").GetString() == "gen-a");
        Assert.Equal(perRun.Average(), genA.GetProperty("overall").GetDouble(), 6);
        var split = genA.GetProperty("repeats").GetProperty("cells").GetProperty("instance-generation/math");
        Assert.Equal(3, split.GetProperty("repeats").GetInt32());
        double[] reported = [.. split.GetProperty("pgr_per_repeat").EnumerateArray().Select(v => v.GetDouble())];
        Assert.Equal(3, reported.Length);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(perRun[i], reported[i], 6);
        }

        Assert.True(perRun.Distinct().Count() > 1, "the three students should answer differently under --spread hash");
        double mean = perRun.Average();
        Assert.Equal(Math.Sqrt(perRun.Sum(v => (v - mean) * (v - mean)) / 2), split.GetProperty("training_seed_sd").GetDouble(), 6);
        Assert.True(split.GetProperty("evaluation_sd").GetDouble() > 0);

        // The run's pgr.csv keeps its columns; its overall interval contains the mean.
        var overall = File.ReadAllLines(Path.Combine(run, "pgr", "pgr.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[0] == "gen-a" && r[2] == "overall");
        Assert.InRange(double.Parse(overall[6], CultureInfo.InvariantCulture), double.Parse(overall[10], CultureInfo.InvariantCulture), double.Parse(overall[11], CultureInfo.InvariantCulture));
        Assert.Contains("### Training seeds and evaluation problems", File.ReadAllText(Path.Combine(run, "pgr", "pgr.md")), StringComparison.Ordinal);
    }
}
