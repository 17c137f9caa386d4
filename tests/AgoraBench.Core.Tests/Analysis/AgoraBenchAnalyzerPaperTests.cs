using System.Globalization;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Analysis;

/// <summary>The paper's §5 analyses recomputed from its published (rounded) tables.</summary>
public class AgoraBenchAnalyzerPaperTests
{
    private static readonly Lazy<AgoraBenchAnalysis> Paper = new(() => AgoraBenchAnalyzer.Analyze(PublishedResults.CreateAnalysisInput()));

    [Fact]
    public void CoarseRegression_MatchesFigure4()
    {
        // Reported: R² 0.245, p 0.3185, n 6.
        var coarse = Paper.Value.Coarse!;
        Assert.Equal(6, coarse.Regression.N);
        Assert.Equal("0.245", coarse.Regression.RSquared.ToString("F3", CultureInfo.InvariantCulture));
        Assert.InRange(Math.Abs(coarse.Regression.PValue - 0.3185), 0, 0.001);
        Assert.Equal(Math.Sqrt(coarse.Regression.RSquared), Math.Abs(coarse.Pearson.Coefficient), 12);
    }

    [Fact]
    public void FineRegression_MatchesFigure4()
    {
        // Reported: R² 0.097, p 0.02177, n 54.
        var fine = Paper.Value.Fine!;
        Assert.Equal(54, fine.Regression.N);
        Assert.Equal("0.097", fine.Regression.RSquared.ToString("F3", CultureInfo.InvariantCulture));
        Assert.InRange(Math.Abs(fine.Regression.PValue - 0.02177), 0, 0.001);
    }

    [Fact]
    public void Pca_ExplainedVariance_IsCloseToFigure5()
    {
        // Reported: 39.2, 30.4, 11.9, 7.0, 4.9 (93.4 cumulative). The published inputs are rounded; see docs/analysis.md.
        var pca = Paper.Value.Pca!;
        Assert.Equal(9, pca.Features.Count);
        Assert.Equal(54, pca.Scores.Count);
        double[] reported = [39.2, 30.4, 11.9, 7.0, 4.9];
        for (int k = 0; k < 5; k++)
        {
            Assert.InRange(Math.Abs((100 * pca.ExplainedVarianceRatio[k]) - reported[k]), 0, 1.5);
        }

        Assert.InRange(Math.Abs((100 * pca.ExplainedVarianceRatio.Take(5).Sum()) - 93.4), 0, 3.0);
    }

    [Fact]
    public void PcRegression_IsCloseToFigure6()
    {
        // Reported: R² 0.325, p < 0.001 (which matches the 1-df predicted-vs-actual test, not the 5-df F test).
        var pcr = Paper.Value.PcRegression!;
        Assert.Equal(5, pcr.Components);
        Assert.InRange(Math.Abs(pcr.Regression.RSquared - 0.325), 0, 0.015);
        Assert.True(pcr.PredictionPValue < 0.001);
        Assert.True(pcr.Regression.PValue > pcr.PredictionPValue);
    }

    [SharedDataFact("spec/paper-tables/figure5_pca_loadings.csv")]
    public void Pca_LoadingsOfPc1ToPc3_AgreeWithFigure5UpToSign()
    {
        var pca = Paper.Value.Pca!;
        var lines = File.ReadAllLines(SharedData.Path("spec/paper-tables/figure5_pca_loadings.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        Assert.Equal(pca.Features.Count, lines.Length);
        for (int k = 0; k < 3; k++)
        {
            double[] figure = [.. lines.Select(l => double.Parse(l.Split(',')[k + 1], CultureInfo.InvariantCulture))];
            double[] ours = [.. pca.Loadings.Select(row => row[k])];
            double sign = figure.Zip(ours, (a, b) => a * b).Sum() >= 0 ? 1 : -1;
            for (int f = 0; f < figure.Length; f++)
            {
                Assert.True(Math.Abs((sign * ours[f]) - figure[f]) <= 0.12, $"PC{k + 1} {pca.Features[f]}: ours {sign * ours[f]:F2}, figure {figure[f]:F2}");
            }
        }
    }

    [Fact]
    public void Cost_RanksLlama8bMostCostEffective_AndPricesFollowTable3()
    {
        var costs = Paper.Value.Costs;
        Assert.Equal(6, costs.Count);
        Assert.Equal("Llama-3.1-8B-Instruct", costs.MaxBy(c => c.PgrPerUsd)!.Generator);
        var gpt4o = costs.Single(c => c.Generator == "GPT-4o");
        var mini = costs.Single(c => c.Generator == "GPT-4o-mini");
        Assert.Equal(2.50 / 0.15, gpt4o.UsdPerInstance / mini.UsdPerInstance, 9);
        Assert.True(mini.PgrPerUsd / gpt4o.PgrPerUsd >= 5, "the paper: cheaper models are at least 5x more cost-effective than GPT-4o");
        Assert.All(costs, c => Assert.False(c.TokensMeasured));
        Assert.Contains(Paper.Value.Diagnostics, d => d.Stage == "cost");
    }

    [Fact]
    public void Findings_AreComputedFromTheAnalysis()
    {
        var findings = AnalysisFindings.Describe(Paper.Value);
        Assert.StartsWith("Best data generator: GPT-4o (overall PGR 29.6", findings[0], StringComparison.Ordinal);
        Assert.Contains("does not reliably predict", findings[1], StringComparison.Ordinal);
        Assert.Contains("R² = 0.245", findings[1], StringComparison.Ordinal);
        Assert.Contains(findings, f => f.StartsWith("Most PGR per dollar: Llama-3.1-8B-Instruct", StringComparison.Ordinal));
    }
}
