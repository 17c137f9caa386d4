namespace AgoraBench.Tests.Pgr;

public sealed class PgrBootstrapTests
{
    private static IReadOnlyList<PgrItemOutcome> Items(int n, Func<int, double> student, Func<int, double> baseModel, Func<int, double> reference) =>
        [.. Enumerable.Range(0, n).Select(i => new PgrItemOutcome($"q{i:000}", student(i), baseModel(i), reference(i)))];

    private static BenchmarkScore Score(string generator, IReadOnlyList<PgrItemOutcome>? items) =>
        new(generator, GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", items?.Average(i => i.Student) ?? 50, items?.Average(i => i.Base) ?? 20, items?.Average(i => i.Reference) ?? 80) { Items = items };

    private static double Hit(int i, int k, int seed) => (((i * 7919) + seed) % k) == 0 ? 100 : 0;

    [Fact]
    public void Calculate_WithOutcomes_GivesSeededIntervals_ThatContainTheEstimate_AndComparesGenerators()
    {
        var strong = Items(200, i => i % 10 < 7 ? 100 : 0, i => i % 10 < 2 ? 100 : 0, i => i % 10 < 9 ? 100 : 0);
        var weak = Items(200, i => i % 10 < 3 ? 100 : 0, i => i % 10 < 2 ? 100 : 0, i => i % 10 < 9 ? 100 : 0);
        var scores = new[] { Score("strong", strong), Score("weak", weak) };

        var first = new PgrCalculator().Calculate(scores);
        var again = new PgrCalculator().Calculate(scores);

        foreach (var g in first.Generators)
        {
            Assert.True(g.OverallInterval!.IsDefined);
            Assert.InRange(g.Overall, g.OverallInterval.Lower, g.OverallInterval.Upper);
            var repeated = again[g.Generator].OverallInterval!;
            Assert.Equal(
                (g.OverallInterval.Estimate, g.OverallInterval.Lower, g.OverallInterval.Upper, g.OverallInterval.Confidence, g.OverallInterval.Rounds, g.OverallInterval.SkippedRounds, g.OverallInterval.Problem),
                (repeated.Estimate, repeated.Lower, repeated.Upper, repeated.Confidence, repeated.Rounds, repeated.SkippedRounds, repeated.Problem));
        }

        var lead = first.Compare("strong", "weak")!;
        Assert.True(lead.IsSignificantlyBetter);
        Assert.True(lead.ProbabilityBetter > 0.99);
        Assert.Equal(1 - lead.ProbabilityBetter, first.Compare("weak", "strong")!.ProbabilityBetter, 9);
        Assert.StartsWith("strong is the best generator at 95% confidence", PgrHeadline.Of(first), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_CloseGenerators_AreStatisticallyTied_InTheHeadline()
    {
        var a = Items(40, i => Hit(i, 2, 1), i => Hit(i, 5, 0), i => Hit(i, 5, 0) == 100 || i % 5 < 4 ? 100 : 0);
        var b = Items(40, i => Hit(i, 2, 0), i => Hit(i, 5, 0), i => Hit(i, 5, 0) == 100 || i % 5 < 4 ? 100 : 0);
        var report = new PgrCalculator().Calculate([Score("a", a), Score("b", b)]);

        Assert.Contains("statistically tied", PgrHeadline.Of(report), StringComparison.Ordinal);
        Assert.DoesNotContain(report.Comparisons, c => c.IsSignificantlyBetter);

        // The key findings do not call the leader "best" either.
        var analysis = AgoraBenchAnalyzer.Analyze(new AnalysisInput { Cells = [.. report.Generators.SelectMany(g => g.Cells)], Leaderboard = report });
        Assert.StartsWith("Highest overall PGR: ", AnalysisFindings.Describe(analysis)[0], StringComparison.Ordinal);
        Assert.Contains("not a significant winner at 95% confidence", AnalysisFindings.Describe(analysis)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFindings_NameTheBestGenerator_OnlyWhenItsLeadHolds()
    {
        var strong = Items(200, i => i % 10 < 7 ? 100 : 0, i => i % 10 < 2 ? 100 : 0, i => i % 10 < 9 ? 100 : 0);
        var weak = Items(200, i => i % 10 < 3 ? 100 : 0, i => i % 10 < 2 ? 100 : 0, i => i % 10 < 9 ? 100 : 0);
        var report = new PgrCalculator().Calculate([Score("strong", strong), Score("weak", weak)]);

        var analysis = AgoraBenchAnalyzer.Analyze(new AnalysisInput { Cells = [.. report.Generators.SelectMany(g => g.Cells)], Leaderboard = report });

        Assert.StartsWith("Best data generator: strong (overall PGR ", AnalysisFindings.Describe(analysis)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_DenominatorIntervalIncludingZero_SaysSo_InsteadOfAnInterval()
    {
        // Reference barely above base: reference − base has an interval around 0.
        var items = Items(30, i => i % 3 == 0 ? 100 : 0, i => i % 2 == 0 ? 100 : 0, i => i % 2 == 0 || i == 1 ? 100 : 0);
        var report = new PgrCalculator().Calculate([Score("g", items)]);

        var benchmark = report["g"].Cells[0].Benchmarks[0].Interval!;
        Assert.False(benchmark.IsDefined);
        Assert.Contains("includes 0", benchmark.Problem, StringComparison.Ordinal);
        Assert.False(report["g"].OverallInterval!.IsDefined);
        string csv = PgrReportWriter.ToString(report, PgrReportFormat.Csv);
        Assert.All(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.EndsWith(",,", line, StringComparison.Ordinal));
    }

    [Fact]
    public void Calculate_WithoutOutcomes_HasNoInterval_AndTheCsvKeepsItsColumnsWithTwoEmptyOnesLast()
    {
        var report = new PgrCalculator().Calculate([Score("g", null)]);

        Assert.Null(report.Confidence);
        Assert.Null(report["g"].OverallInterval);
        string[] lines = PgrReportWriter.ToString(report, PgrReportFormat.Csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("generator,rank,level,method,domain,benchmark,pgr,student,base,reference,pgr_low,pgr_high", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.Equal(12, line.Split(',').Length));
    }

    [Theory]
    [InlineData(50, 0.95)]
    [InlineData(2000, 1.0)]
    public void Calculate_InvalidBootstrapOptions_AreRefused(int rounds, double confidence)
    {
        var error = Assert.Throws<ArgumentException>(() => new PgrCalculator().Calculate([Score("g", null)], new PgrCalculationOptions { BootstrapRounds = rounds, Confidence = confidence }));
        Assert.Contains(rounds < 100 ? "BootstrapRounds" : "Confidence", error.Message, StringComparison.Ordinal);
    }
}
