using System.Globalization;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Paper;

public class PublishedResultsTests
{
    [Fact]
    public void Tables_HaveThePaperShapes()
    {
        Assert.Equal(6, PublishedResults.Generators.Rows.Count);
        Assert.Equal(54, PublishedResults.PgrCells.Rows.Count);
        Assert.Equal(18, PublishedResults.PgrMethodAverages.Rows.Count);
        Assert.Equal(36, PublishedResults.ProblemSolving.Rows.Count);
        Assert.Equal(8, PublishedResults.IntrinsicMetricNames.Count);
        Assert.Equal(8 * 54, PublishedResults.IntrinsicMetrics.Rows.Count);
        Assert.All(PublishedResults.Generators.Rows, g => Assert.Equal(9, PublishedResults.PgrCells.Rows.Count(c => c.Generator == g.Name)));
    }

    [Fact]
    public void Tables_CarryTheirProvenance()
    {
        Assert.EndsWith("Table 2", PublishedResults.PgrCells.Source, StringComparison.Ordinal);
        Assert.EndsWith("Table 3", PublishedResults.Generators.Source, StringComparison.Ordinal);
        Assert.EndsWith("Table 7", PublishedResults.ProblemSolving.Source, StringComparison.Ordinal);
        Assert.EndsWith("Table 8", PublishedResults.IntrinsicMetrics.Source, StringComparison.Ordinal);
        Assert.Contains("arXiv:2412.03679", PublishedResults.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void SpotValues_AreAsPrinted()
    {
        Assert.Equal(73.6, PublishedResults.PgrCells.Rows.Single(c => c.Generator == "GPT-4o" && c.Setting.Key == "instance-generation/code").Value);
        Assert.Equal(-21.8, PublishedResults.PgrCells.Rows.Single(c => c.Generator == "Llama-3.1-70B-Instruct" && c.Setting.Key == "quality-enhancement/math").Value);
        Assert.Equal(34.6, PublishedResults.ProblemSolving.Rows.Single(s => s.Generator == "Llama-3.1-8B-Instruct" && s.Benchmark == EvaluationBenchmarks.Math).Score);
        var mini = PublishedResults.FindGenerator("gpt-4o-mini-2024-07-18");
        Assert.NotNull(mini);
        Assert.Equal((0.15, 0.60), (mini.InputUsdPerMillionTokens, mini.OutputUsdPerMillionTokens));
        Assert.Equal(5.50, PublishedResults.IntrinsicMetrics.Rows.Single(m => m.Metric == "response_perplexity_llama31_8b_base" && m.Generator == "GPT-4o-mini" && m.Setting.Key == "quality-enhancement/code").Value);
    }

    [Fact]
    public void Leaderboard_MethodAverages_AgreeWithTable2Within007()
    {
        var report = PublishedResults.CreateLeaderboard();
        foreach (var printed in PublishedResults.PgrMethodAverages.Rows)
        {
            double computed = report[printed.Generator].MethodAverages[printed.Method];
            Assert.True(Math.Abs(computed - printed.Value) <= 0.07, $"{printed.Generator} {printed.Method}: computed {computed}, printed {printed.Value}");
        }
    }

    [Fact]
    public void Leaderboard_Overall_AgreesWithTable3Within006_AndRanksAsThePaper()
    {
        var report = PublishedResults.CreateLeaderboard();
        foreach (var generator in PublishedResults.Generators.Rows)
        {
            double computed = report[generator.Name].Overall;
            Assert.True(Math.Abs(computed - generator.OverallPgr) <= 0.06, $"{generator.Name}: computed {computed}, printed {generator.OverallPgr}");
        }

        var paperOrder = PublishedResults.Generators.Rows.OrderByDescending(g => g.OverallPgr).Select(g => g.Name);
        Assert.Equal(paperOrder, report.Generators.Select(g => g.Generator));
        Assert.Equal("GPT-4o", report.Generators[0].Generator);
    }

    [Fact]
    public void MeasureAgreement_ReportsTheLargestDifferences()
    {
        var agreement = PublishedResults.MeasureAgreement(PublishedResults.CreateLeaderboard());
        Assert.Equal(24, agreement.Comparisons.Count);
        Assert.InRange(agreement.MaxMethodAverageDifference, 0.0, 0.07);
        Assert.InRange(agreement.MaxOverallDifference, 0.0, 0.06);
        Assert.Equal(agreement.Comparisons.Where(c => c.Quantity == "overall").Max(c => c.Difference), agreement.MaxOverallDifference);
    }

    [Fact]
    public void ProblemSolving_AveragesMatchTable3Within007()
    {
        foreach (var generator in PublishedResults.Generators.Rows)
        {
            double mean = PublishedResults.ProblemSolving.Rows.Where(s => s.Generator == generator.Name).Average(s => s.Score);
            Assert.True(Math.Abs(mean - generator.ProblemSolvingAverage) <= 0.07, $"{generator.Name}: {mean} vs {generator.ProblemSolvingAverage}");
        }
    }

    [SharedDataFact("spec/paper-tables/text_precise_pgr_values.csv")]
    public void Leaderboard_AgreesWithTheTwoDecimalValuesQuotedInTheText()
    {
        var report = PublishedResults.CreateLeaderboard();
        var lines = File.ReadAllLines(SharedData.Path("spec/paper-tables/text_precise_pgr_values.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.NotEmpty(lines);
        foreach (string line in lines)
        {
            var cells = line.Split(',');
            double precise = double.Parse(cells[1], CultureInfo.InvariantCulture);
            string claim = cells[0];
            var generator = report.Generators.Single(g => claim.StartsWith(g.Generator + " ", StringComparison.Ordinal));
            string rest = claim[(generator.Generator.Length + 1)..];
            var method = AgoraBenchSettings.Methods.Single(m => rest.StartsWith(AgoraBenchNames.ToName(m).Replace('-', ' '), StringComparison.Ordinal));
            double computed = rest.EndsWith("average", StringComparison.Ordinal)
                ? generator.MethodAverages[method]
                : generator.GetCell(method, AgoraBenchNames.ParseDomain(rest.Split(' ')[^1]))!.Value;
            Assert.True(Math.Abs(computed - precise) <= 0.07, $"{claim}: computed {computed}, quoted {precise}");
        }
    }

    [SharedDataFact("spec/paper-tables/table2_pgr_main.csv", "spec/paper-tables/table8_intrinsic_metrics.csv")]
    public void EmbeddedTables_AreTheSharedTranscriptions()
    {
        foreach (string name in new[] { "table2_pgr_main.csv", "table3_cost_problem_solving_data_generation.csv", "table7_problem_solving.csv", "table8_intrinsic_metrics.csv" })
        {
            using var stream = typeof(PublishedResults).Assembly.GetManifestResourceStream("AgoraBench.Paper.Data." + name);
            Assert.NotNull(stream);
            string embedded = new StreamReader(stream).ReadToEnd().ReplaceLineEndings("\n");
            string shared = File.ReadAllText(SharedData.Path("spec/paper-tables/" + name)).ReplaceLineEndings("\n");
            Assert.Equal(shared, embedded);
        }
    }
}
