using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Reporting;

/// <summary>
/// The typed report files (<c>pgr.json</c>, <c>results.json</c>): the bytes match the samples the previous,
/// hand-written writers produced (checked in under Golden/), and <c>pgr.json</c> reads back into the same report.
/// </summary>
public sealed class ReportJsonTests
{
    private const int Rounds = 300;

    /// <summary>Problem i of run <paramref name="repeat"/> is right when a fixed pattern says so: no randomness, the same in every process.</summary>
    private static double Hit(int i, int repeat, int per10) => (i * 7 + repeat * 3) % 10 < per10 ? 100 : 0;

    private static BenchmarkScore Score(string generator, GenerationMethod method, BenchmarkDomain domain, string benchmark, int[] per10)
    {
        var items = new List<PgrItemOutcome>();
        for (int r = 0; r < per10.Length; r++)
        {
            for (int i = 0; i < 60; i++)
            {
                items.Add(new PgrItemOutcome($"q{i:00}", Hit(i, r + 1, per10[r]), i % 5 == 0 ? 100 : 0, i % 5 < 4 ? 100 : 0) { Repeat = r + 1 });
            }
        }

        double student = Enumerable.Range(1, per10.Length).Average(r => items.Where(x => x.Repeat == r).Average(x => x.Student));
        return new BenchmarkScore(generator, method, domain, benchmark, student, 20, 80) { Items = items };
    }

    /// <summary>Two generators with intervals, comparisons and a cell trained three times; a third whose one cell has no per-problem outcomes.</summary>
    internal static PgrReport Fixture() => new PgrCalculator().Calculate(
        [
            Score("gen-a", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", [5, 6, 7]),
            Score("gen-a", GenerationMethod.ResponseGeneration, BenchmarkDomain.Code, "humaneval", [6]),
            Score("gen-b", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", [4]),
            Score("gen-b", GenerationMethod.ResponseGeneration, BenchmarkDomain.Code, "humaneval", [5]),
            Score("gen-b", GenerationMethod.QualityEnhancement, BenchmarkDomain.InstructionFollowing, "arena-hard", [3]),
            new BenchmarkScore("gen-c", GenerationMethod.QualityEnhancement, BenchmarkDomain.InstructionFollowing, "arena-hard", 30, 10, 25.5),
        ],
        new PgrCalculationOptions { BootstrapRounds = Rounds, Seed = 11 });

    private static BudgetDecision Decision(PgrReport report) =>
        BudgetDecision.Decide(report, [new BudgetCandidate("gen-a", 12.5), new BudgetCandidate("gen-b", 4) { Instances = 1000 }], 10);

    [Fact]
    public void PgrJson_IsTheFormatThePreviousVersionWrote() =>
        GoldenFile.Verify(PgrReportWriter.ToString(Fixture(), PgrReportFormat.Json), "Reporting/Golden/pgr-report.json");

    [Fact]
    public void ResultsJson_IsTheFormatThePreviousVersionWrote()
    {
        var paper = AgoraBenchAnalyzer.Analyze(PublishedResults.CreateAnalysisInput());
        GoldenFile.Verify(AnalysisReportWriter.Json(paper), "Reporting/Golden/results-paper.json");
        var report = Fixture();
        var measured = new AgoraBenchAnalysis
        {
            Leaderboard = report,
            Options = paper.Options,
            BudgetDecision = Decision(report),
            Diagnostics = [new AnalysisDiagnostic("regression", "two generators are too few")],
        };
        GoldenFile.Verify(AnalysisReportWriter.Json(measured), "Reporting/Golden/results-measured.json");
    }

    [Fact]
    public void PgrJson_ReadBack_IsTheReportThatWroteIt()
    {
        var report = Fixture();
        string json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reporting", "Golden", "pgr-report.json"));

        var read = ArtefactJson.Read(json, ReportJsonContext.Default.PgrReportDocument, "pgr.json").ToReport("pgr.json", Rounds);

        // Every view of the report is the same: the file again, the Markdown (intervals, resamples, comparisons,
        // repeats) and the CSV; and the values themselves.
        Assert.Equal(json, PgrReportWriter.ToString(read, PgrReportFormat.Json));
        Assert.Equal(PgrReportWriter.ToString(report, PgrReportFormat.Markdown), PgrReportWriter.ToString(read, PgrReportFormat.Markdown));
        Assert.Equal(PgrReportWriter.ToString(report, PgrReportFormat.Csv), PgrReportWriter.ToString(read, PgrReportFormat.Csv));
        Assert.Equal(report.Generators.Select(g => (g.Generator, g.Rank, g.Overall)), read.Generators.Select(g => (g.Generator, g.Rank, g.Overall)));
        var cell = read["gen-a"].Cells.Single(c => c.Setting.Method == GenerationMethod.InstanceGeneration);
        Assert.Equal(3, cell.Variance!.Repeats);
        Assert.Equal(report["gen-a"].Cells[0].Interval!.Lower, cell.Interval!.Lower);
        Assert.NotEmpty(read.Comparisons);
        Assert.Equal(report.Comparisons.Select(c => (c.Generator, c.Other, c.ProbabilityBetter)), read.Comparisons.Select(c => (c.Generator, c.Other, c.ProbabilityBetter)));
        Assert.Equal(Rounds, read.Comparisons[0].Difference.Rounds);
    }

    [Fact]
    public void PgrJson_BadFile_NamesFileLineAndField()
    {
        string json = PgrReportWriter.ToString(Fixture(), PgrReportFormat.Json);
        string[] lines = json.Split('\n');
        int rankLine = Array.FindIndex(lines, l => l.Contains("\"rank\"", StringComparison.Ordinal));
        lines[rankLine] = lines[rankLine].Replace(": 1,", ": \"first\",", StringComparison.Ordinal);

        var ex = Assert.Throws<DataValidationException>(() => ArtefactJson.Read(string.Join('\n', lines), ReportJsonContext.Default.PgrReportDocument, "run/pgr/pgr.json"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("run/pgr/pgr.json", error.Source);
        Assert.Equal(rankLine + 1, error.Line);
        Assert.Contains("generators[0].rank", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PgrJson_UnknownSetting_IsReportedWithEveryOtherProblem()
    {
        string json = PgrReportWriter.ToString(Fixture(), PgrReportFormat.Json)
            .Replace("\"aggregation\": \"mean-of-pgr\"", "\"aggregation\": \"median\"", StringComparison.Ordinal)
            .Replace("\"instance-generation/math\":", "\"invented-method/math\":", StringComparison.Ordinal);

        var document = ArtefactJson.Read(json, ReportJsonContext.Default.PgrReportDocument, "pgr.json");
        var ex = Assert.Throws<DataValidationException>(() => document.ToReport("pgr.json", Rounds));

        Assert.Contains(ex.Errors, e => e.Field == "aggregation" && e.Message.Contains("median", StringComparison.Ordinal));
        Assert.Equal(2, ex.Errors.Count(e => e.Field is { } field && field.StartsWith("generators[", StringComparison.Ordinal) && field.EndsWith("].cells.invented-method/math", StringComparison.Ordinal)));
        Assert.All(ex.Errors, e => Assert.Equal("pgr.json", e.Source));
    }
}
