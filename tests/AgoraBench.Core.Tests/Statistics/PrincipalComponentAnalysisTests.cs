namespace AgoraBench.Tests.Statistics;

public class PrincipalComponentAnalysisTests
{
    [Fact]
    public void Fit_TwoFeaturesWithCorrelation08_HasEigenvalues18And02()
    {
        // x = 1 2 3 4, y = 1 3 2 4: r = 0.8, so the correlation matrix has eigenvalues 1.8 and 0.2 with
        // eigenvectors (1, 1)/√2 and (1, −1)/√2.
        var pca = PrincipalComponentAnalysis.Fit([[1, 1], [2, 3], [3, 2], [4, 4]], ["x", "y"]);

        Assert.Equal([1.8, 0.2], pca.Eigenvalues.Select(e => Math.Round(e, 12)));
        Assert.Equal([0.9, 0.1], pca.ExplainedVarianceRatio.Select(e => Math.Round(e, 12)));
        double h = 1 / Math.Sqrt(2);
        Assert.Equal(h, pca.Loadings[0][0], 12);
        Assert.Equal(h, pca.Loadings[1][0], 12);
        Assert.Equal(h, Math.Abs(pca.Loadings[0][1]), 12);
        Assert.Equal(-pca.Loadings[0][1], pca.Loadings[1][1], 12);
    }

    [Fact]
    public void Fit_ScoresAreZScoresTimesLoadings_AndHaveEigenvalueVariance()
    {
        double[][] rows = [[2.5, 2.4, 1], [0.5, 0.7, 3], [2.2, 2.9, 2], [1.9, 2.2, 5], [3.1, 3.0, 4], [2.3, 2.7, 2], [2.0, 1.6, 7]];
        var pca = PrincipalComponentAnalysis.Fit(rows, ["a", "b", "c"]);

        for (int i = 0; i < rows.Length; i++)
        {
            for (int k = 0; k < 3; k++)
            {
                double expected = Enumerable.Range(0, 3).Sum(f => (rows[i][f] - pca.Means[f]) / pca.StandardDeviations[f] * pca.Loadings[f][k]);
                Assert.Equal(expected, pca.Scores[i][k], 10);
            }
        }

        for (int k = 0; k < 3; k++)
        {
            double variance = pca.Scores.Sum(s => s[k] * s[k]) / (rows.Length - 1);
            Assert.Equal(pca.Eigenvalues[k], variance, 10);
            double largest = pca.Loadings.Select(l => l[k]).MaxBy(Math.Abs);
            Assert.True(largest > 0, "the largest loading of each component is positive");
        }

        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 12);
    }

    [Fact]
    public void Fit_FewerRowsThanFeatures_LeavesZeroTrailingComponents()
    {
        var pca = PrincipalComponentAnalysis.Fit([[1, 5, 2, 8], [2, 3, 9, 1], [4, 4, 4, 4]], ["a", "b", "c", "d"]);
        Assert.Equal(4, pca.Eigenvalues.Count);
        Assert.Equal(1.0, pca.ExplainedVarianceRatio.Sum(), 12);
        Assert.InRange(pca.Eigenvalues[2], 0, 1e-9);
        Assert.InRange(pca.Eigenvalues[3], 0, 1e-9);
    }

    [Fact]
    public void Fit_ConstantFeature_IsNamed()
    {
        var ex = Assert.Throws<DataValidationException>(() => PrincipalComponentAnalysis.Fit([[1, 3], [2, 3], [3, 3]], ["ok", "flat"]));
        Assert.Equal("flat", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void FeatureContributions_AreMeanAbsoluteLoadingsAndShares()
    {
        var pca = PrincipalComponentAnalysis.Fit([[1, 1], [2, 3], [3, 2], [4, 4]], ["x", "y"]);
        var contributions = pca.FeatureContributions();
        Assert.All(contributions, c => Assert.Equal(1 / Math.Sqrt(2), c.Strength, 12));
        Assert.Equal(100, contributions.Sum(c => c.SharePercent), 12);
    }
}
