namespace AgoraBench.Tests.Pgr;

/// <summary>Cells trained several times: the score is the mean over runs, and the spread splits into training seeds and evaluation problems.</summary>
public sealed class PgrRepeatsTests
{
    private const int Problems = 120;

    /// <summary>Run <paramref name="repeat"/> of a student answering problem i correctly with probability <paramref name="accuracy"/>, decided by a hash of (run, problem).</summary>
    private static double Hit(int repeat, int i, double accuracy, int salt) => (((uint)HashCode.Combine(repeat, i, salt) % 1000) / 1000.0) < accuracy ? 100 : 0;

    private static BenchmarkScore Score(string generator, IReadOnlyList<double> accuracies, int salt)
    {
        var items = new List<PgrItemOutcome>();
        for (int r = 0; r < accuracies.Count; r++)
        {
            for (int i = 0; i < Problems; i++)
            {
                items.Add(new PgrItemOutcome($"q{i:000}", Hit(r + 1, i, accuracies[r], salt), i % 5 == 0 ? 100 : 0, i % 5 < 4 ? 100 : 0) { Repeat = r + 1 });
            }
        }

        double student = Enumerable.Range(1, accuracies.Count).Average(r => items.Where(x => x.Repeat == r).Average(x => x.Student));
        return new BenchmarkScore(generator, GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", student, 20, 80) { Items = items };
    }

    [Fact]
    public void Calculate_WithRepeats_SplitsTrainingSeedSpreadFromEvaluationSpread()
    {
        // Three training runs whose students differ a lot (35%, 50%, 65% correct).
        var score = Score("g", [0.35, 0.5, 0.65], salt: 7);

        var report = new PgrCalculator().Calculate([score], new PgrCalculationOptions { BootstrapRounds = 2000 });
        var cell = report["g"].Cells[0];
        var variance = cell.Variance!;

        // Each run's PGR from its own outcomes, computed here.
        double[] perRun = [.. Enumerable.Range(1, 3).Select(r => 100 * (score.Items!.Where(i => i.Repeat == r).Average(i => i.Student) - 20) / 60)];
        Assert.Equal(3, variance.Repeats);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(perRun[r], variance.RepeatValues[r], 9);
        }

        double mean = perRun.Average();
        double sd = Math.Sqrt(perRun.Sum(v => (v - mean) * (v - mean)) / 2);
        Assert.Equal(mean, cell.Value, 9);
        Assert.Equal(sd, variance.TrainingSeedSd, 9);
        Assert.True(variance.EvaluationSd > 0);
        var overall = report["g"].OverallVariance!;
        Assert.Equal(variance.RepeatValues, overall.RepeatValues);
        Assert.Equal(variance.TrainingSeedSd, overall.TrainingSeedSd, 9);
        Assert.Equal(variance.EvaluationSd, overall.EvaluationSd, 9);
        Assert.InRange(cell.Value, cell.Interval!.Lower, cell.Interval.Upper);

        // The two-level interval is wider than one that ignores the runs' spread, by about the seed part.
        var held = new PgrCalculator().Calculate([score.WithItems([.. score.Items!.Select(i => i with { Repeat = 1, Item = $"{i.Item}-r{i.Repeat}" })])], new PgrCalculationOptions { BootstrapRounds = 2000 });
        Assert.True(cell.Interval.Width > held["g"].Cells[0].Interval!.Width);

        string markdown = PgrReportWriter.ToString(report, PgrReportFormat.Markdown);
        Assert.Contains("### Training seeds and evaluation problems", markdown, StringComparison.Ordinal);
        string json = PgrReportWriter.ToString(report, PgrReportFormat.Json);
        Assert.Contains("\"training_seed_sd\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_WithIdenticalRuns_HasNoSeedSpread_AndTheIntervalOfOneRun()
    {
        var one = Score("g", [0.5], salt: 3);
        var twice = one.WithItems([.. one.Items!, .. one.Items!.Select(i => i with { Repeat = 2 })]);
        var options = new PgrCalculationOptions { BootstrapRounds = 2000 };

        var single = new PgrCalculator().Calculate([one], options)["g"].Cells[0];
        var repeated = new PgrCalculator().Calculate([twice], options)["g"].Cells[0];

        Assert.Null(single.Variance);
        Assert.Equal(0, repeated.Variance!.TrainingSeedSd, 9);
        Assert.Equal(single.Value, repeated.Value, 9);
        Assert.Equal(single.Interval!.Width, repeated.Interval!.Width, 6);
    }

    [Fact]
    public void Calculate_TheSameProblemTwiceInOneRun_IsAnError_NamingTheRun()
    {
        var score = Score("g", [0.5, 0.6], salt: 1);
        var duplicated = score.WithItems([.. score.Items!, score.Items![^1]]);

        var error = Assert.Throws<DataValidationException>(() => new PgrCalculator().Calculate([duplicated]));
        Assert.Contains(error.Errors, e => e.Field == "item" && e.Message.Contains("has two outcomes for repeat 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ItemCsv_KeepsRepeatsAndWeights_AndRejectsABadRepeatWithItsLine()
    {
        var score = Score("g", [0.4, 0.6], salt: 5);
        var weighted = score.WithItems([.. score.Items!.Select((i, k) => k == 0 ? i with { StudentWeight = 3, BaseWeight = 2 } : i)]);
        string csv = PgrItemCsv.Write([weighted]);
        Assert.StartsWith("generator,method,domain,benchmark,item,student,base,reference,repeat,student_weight,base_weight,reference_weight\n", csv, StringComparison.Ordinal);
        string path = Path.Combine(Path.GetTempPath(), $"items-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(path, csv);
            var read = await PgrItemCsv.AttachAsync([weighted.WithItems(null)], path, CancellationToken.None);
            Assert.Equal(weighted.Items, read[0].Items!);

            string[] lines = csv.Split('\n');
            string[] first = lines[1].Split(',');
            first[8] = "0";
            lines[1] = string.Join(',', first);
            await File.WriteAllTextAsync(path, string.Join('\n', lines));
            var error = await Assert.ThrowsAsync<DataValidationException>(() => PgrItemCsv.AttachAsync([weighted.WithItems(null)], path, CancellationToken.None));
            Assert.Contains(error.Errors, e => e.Line == 2 && e.Field == "repeat" && e.Source == path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
