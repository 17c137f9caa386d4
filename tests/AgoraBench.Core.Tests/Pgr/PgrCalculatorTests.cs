namespace AgoraBench.Tests.Pgr;

public class PgrCalculatorTests
{
    private static BenchmarkScore Score(string generator, string setting, string benchmark, double student, double baseScore, double reference, int? line = null)
    {
        Assert.True(AgoraBenchSetting.TryParse(setting, out var s));
        return new BenchmarkScore(generator, s.Method, s.Domain, benchmark, student, baseScore, reference) { Line = line, Source = line is null ? null : "scores.csv" };
    }

    [Fact]
    public void Calculate_MeanOfPgr_AveragesPerBenchmarkPgr()
    {
        // gsm8k: 100 * (60 - 40) / (80 - 40) = 50; math: 100 * (15 - 10) / (30 - 10) = 25.
        var report = new PgrCalculator().Calculate(
        [
            Score("G", "ig/math", "gsm8k", 60, 40, 80),
            Score("G", "ig/math", "math", 15, 10, 30),
        ]);

        var cell = Assert.Single(report["G"].Cells);
        Assert.Equal(37.5, cell.Value, 12);
        Assert.Equal([50.0, 25.0], cell.Benchmarks.Select(b => Math.Round(b.Value, 9)));
        Assert.Equal(PgrAggregation.MeanOfPgr, report.Aggregation);
    }

    [Fact]
    public void Calculate_PgrOfMean_UsesMeanScores()
    {
        // means: student 37.5, base 25, reference 55 → 100 * 12.5 / 30 = 41.67.
        var report = new PgrCalculator().Calculate(
            [Score("G", "ig/math", "gsm8k", 60, 40, 80), Score("G", "ig/math", "math", 15, 10, 30)],
            new PgrCalculationOptions { Aggregation = PgrAggregation.PgrOfMean });

        Assert.Equal(100.0 * 12.5 / 30.0, Assert.Single(report["G"].Cells).Value, 12);
        Assert.Equal(PgrAggregation.PgrOfMean, report.Aggregation);
    }

    [Fact]
    public void Calculate_AveragesMethodsAndOverall_AndRanks()
    {
        var scores = new List<BenchmarkScore>();
        foreach (var setting in AgoraBenchSettings.All)
        {
            foreach (var benchmark in setting.Benchmarks)
            {
                // G1: PGR = 10 * (method index + 1), G2: -5 everywhere.
                scores.Add(new BenchmarkScore("G1", setting.Method, setting.Domain, benchmark.Id, 10 * ((int)setting.Method + 1), 0, 100));
                scores.Add(new BenchmarkScore("G2", setting.Method, setting.Domain, benchmark.Id, -5, 0, 100));
            }
        }

        var report = new PgrCalculator().Calculate(scores, new PgrCalculationOptions { RequireComplete = true });

        Assert.Equal(["G1", "G2"], report.Generators.Select(g => g.Generator));
        var g1 = report["G1"];
        Assert.Equal(1, g1.Rank);
        Assert.True(g1.IsComplete);
        Assert.Equal(10, g1.MethodAverages[GenerationMethod.InstanceGeneration], 12);
        Assert.Equal(20, g1.MethodAverages[GenerationMethod.ResponseGeneration], 12);
        Assert.Equal(30, g1.MethodAverages[GenerationMethod.QualityEnhancement], 12);
        Assert.Equal(20, g1.Overall, 12);
        Assert.Equal(20, g1.DomainAverages[BenchmarkDomain.Code], 12);
        Assert.Equal(-5, report["G2"].Overall, 12);
        Assert.Equal(2, report["G2"].Rank);
    }

    [Fact]
    public void Calculate_PartialGrid_AveragesWhatIsPresent()
    {
        var report = new PgrCalculator().Calculate(
        [
            Score("G", "ig/math", "gsm8k", 50, 0, 100),
            Score("G", "rg/code", "mbpp", 10, 0, 100),
            Score("G", "rg/code", "humaneval", 30, 0, 100),
        ]);

        var g = report["G"];
        Assert.False(g.IsComplete);
        Assert.Equal(2, g.Cells.Count);
        Assert.Equal((50 + 20) / 2.0, g.Overall, 12);
        Assert.False(g.MethodAverages.ContainsKey(GenerationMethod.QualityEnhancement));
    }

    [Fact]
    public void Calculate_BadRows_ReportsEveryProblemWithItsLine()
    {
        var ex = Assert.Throws<DataValidationException>(() => new PgrCalculator().Calculate(
        [
            Score("G", "ig/math", "gsm8k", 50, 34.6, 34.6, line: 2),
            Score("G", "ig/math", "math", double.NaN, 10, 30, line: 3),
            Score("G", "ig/code", "gsm8k", 50, 10, 30, line: 4),
            Score("G", "rg/math", "GSM8K", 50, 10, 30, line: 5),
            Score("G", "rg/math", "gsm8k", 51, 10, 30, line: 6),
            Score(" ", "rg/math", "math", 51, 10, 30, line: 7),
        ]));

        Assert.Equal(5, ex.Errors.Count);
        Assert.Equal([2, 3, 4, 6, 7], ex.Errors.Select(e => e.Line!.Value));
        Assert.All(ex.Errors, e => Assert.Equal("scores.csv", e.Source));
        Assert.Equal("scores.csv:2: field 'reference': (G, instance-generation/math, gsm8k): reference score 34.6 equals base score 34.6, so PGR is undefined", ex.Errors[0].ToString());
        Assert.Equal("student", ex.Errors[1].Field);
        Assert.Contains("GSM8K is a math benchmark, not a code one", ex.Errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("duplicate score; line 5 already gives", ex.Errors[3].Message, StringComparison.Ordinal);
        Assert.Equal("generator", ex.Errors[4].Field);
        Assert.StartsWith("5 problems found:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_InMemoryRows_AreNamedByPosition()
    {
        var ex = Assert.Throws<DataValidationException>(() => new PgrCalculator().Calculate(
            [Score("G", "ig/math", "gsm8k", 50, 10, 30), Score("G", "ig/math", "math", 50, 20, 20)]));
        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("score #2 (G, instance-generation/math, math):", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_RequireComplete_ListsMissingSettingsAndBenchmarks()
    {
        var ex = Assert.Throws<DataValidationException>(() => new PgrCalculator().Calculate(
            [Score("G", "ig/math", "gsm8k", 50, 10, 30)],
            new PgrCalculationOptions { RequireComplete = true }));

        Assert.Equal(9, ex.Errors.Count);
        Assert.Equal("G, instance-generation/math: missing scores for math", ex.Errors[0].Message);
        Assert.Equal("G, instance-generation/code: missing scores for mbpp, humaneval", ex.Errors[1].Message);
    }

    [Fact]
    public void Calculate_RequireComplete_OnDeclaredDomains_ExpectsTheStudiedSettings_AndEachDomainsBenchmarks()
    {
        // Two generators on a declared domain: the grid is the settings studied (not the paper's nine), and each cell
        // needs every benchmark any cell of its domain was scored on.
        var complete = new PgrCalculator().Calculate(
            [
                Score("A", "ig/sql", "sql-exec", 50, 10, 90), Score("A", "ig/sql", "sql-judge", 50, 10, 90),
                Score("B", "ig/sql", "sql-exec", 30, 10, 90), Score("B", "ig/sql", "sql-judge", 30, 10, 90),
            ],
            new PgrCalculationOptions { RequireComplete = true });
        Assert.Equal(2, complete.Generators.Count);

        var ex = Assert.Throws<DataValidationException>(() => new PgrCalculator().Calculate(
            [
                Score("A", "ig/sql", "sql-exec", 50, 10, 90), Score("A", "ig/sql", "sql-judge", 50, 10, 90), Score("A", "rg/sql", "sql-exec", 50, 10, 90),
                Score("B", "ig/sql", "sql-exec", 30, 10, 90),
            ],
            new PgrCalculationOptions { RequireComplete = true }));

        Assert.Equal(
            ["A, response-generation/sql: missing scores for sql-judge", "B, instance-generation/sql: missing scores for sql-judge", "B, response-generation/sql: missing scores for sql-exec, sql-judge"],
            ex.Errors.Select(e => e.Message).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Calculate_CustomBenchmark_IsAccepted()
    {
        var report = new PgrCalculator().Calculate([Score("G", "qe/code", "livecodebench", 30, 10, 50)]);
        Assert.Equal("livecodebench", Assert.Single(Assert.Single(report["G"].Cells).Benchmarks).Benchmark);
    }

    [Fact]
    public void Calculate_NoScores_Throws() =>
        Assert.Throws<DataValidationException>(() => new PgrCalculator().Calculate([]));

    [Fact]
    public void Calculate_UsesConstructorDefaults_WhenCallPassesNone()
    {
        var calculator = new PgrCalculator(new PgrCalculationOptions { Aggregation = PgrAggregation.PgrOfMean });
        var report = calculator.Calculate([Score("G", "ig/math", "gsm8k", 60, 40, 80), Score("G", "ig/math", "math", 15, 10, 30)]);
        Assert.Equal(PgrAggregation.PgrOfMean, report.Aggregation);
    }

    [Fact]
    public void Report_UnknownGenerator_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => new PgrCalculator().Calculate([Score("G", "ig/math", "gsm8k", 60, 40, 80)])["H"]);

    [Fact]
    public void ReportCreate_DuplicateCell_IsAnError()
    {
        var setting = AgoraBenchSettings.All[0];
        var ex = Assert.Throws<DataValidationException>(() => PgrReport.Create([new SettingPgr("G", setting, 1), new SettingPgr("G", setting, 2)]));
        Assert.Contains("duplicate cell", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }
}
