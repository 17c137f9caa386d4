namespace AgoraBench.Tests.Statistics;

public class LinearRegressionTests
{
    // Anscombe's quartet, data set I (Anscombe 1973): slope 0.500, intercept 3.000, R² 0.667, SE 0.118 / 1.125, p 0.00217.
    private static readonly double[] AnscombeX = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
    private static readonly double[] AnscombeY = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

    [Fact]
    public void FitSimple_AnscombeI_MatchesTextbookValues()
    {
        var fit = LinearRegression.FitSimple(AnscombeX, AnscombeY);

        Assert.Equal(11, fit.N);
        Assert.Equal(0.5000909090909091, fit.Slope, 12);
        Assert.Equal(3.0000909090909103, fit.Intercept, 12);
        Assert.Equal(0.666542459508775, fit.RSquared, 12);
        Assert.Equal(0.11790550059563407, fit.Coefficients[1].StandardError, 12);
        Assert.Equal(1.1247467908086437, fit.Coefficients[0].StandardError, 12);
        Assert.Equal(0.00216962887307879, fit.Coefficients[1].PValue, 9);
        Assert.Equal(fit.Coefficients[1].PValue, fit.PValue, 12);
        Assert.Equal(fit.Coefficients[1].TStatistic * fit.Coefficients[1].TStatistic, fit.FStatistic, 9);
        Assert.Equal(1 - ((1 - fit.RSquared) * 10 / 9), fit.AdjustedRSquared, 12);
    }

    [Fact]
    public void FitSimple_HandWorkedCase()
    {
        // x 1..5, y 2 4 5 4 5: slope 0.6, intercept 2.2, SSE 2.4, SE(slope) = √0.08, t = 2.1213 on 3 df, p = 0.12403.
        var fit = LinearRegression.FitSimple([1, 2, 3, 4, 5], [2, 4, 5, 4, 5]);
        Assert.Equal(0.6, fit.Slope, 12);
        Assert.Equal(2.2, fit.Intercept, 12);
        Assert.Equal(0.6, fit.RSquared, 12);
        Assert.Equal(Math.Sqrt(0.08), fit.Coefficients[1].StandardError, 12);
        Assert.Equal(0.12402706265755463, fit.PValue, 9);
        Assert.Equal([-0.8, 0.6, 1.0, -0.6, -0.2], fit.Residuals.Select(r => Math.Round(r, 10)));
    }

    [Fact]
    public void Fit_Multiple_RecoversAnExactPlane()
    {
        double[][] rows = [[1, 0], [0, 1], [1, 1], [2, 1], [1, 3], [3, 2]];
        double[] y = [.. rows.Select(r => 1 + (2 * r[0]) - (3 * r[1]))];
        var fit = LinearRegression.Fit(rows, y, ["a", "b"]);

        Assert.Equal([1.0, 2.0, -3.0], fit.Coefficients.Select(c => Math.Round(c.Estimate, 9)));
        Assert.Equal(["intercept", "a", "b"], fit.Coefficients.Select(c => c.Name));
        Assert.Equal(1.0, fit.RSquared, 12);
        Assert.Equal(0, fit.PValue);
        Assert.All(fit.Coefficients, c => Assert.False(double.IsNaN(c.PValue)));
    }

    [Fact]
    public void Fit_Multiple_FTestMatchesRSquared()
    {
        double[][] rows = [[1, 5], [2, 3], [3, 6], [4, 2], [5, 8], [6, 1], [7, 7], [8, 4]];
        double[] y = [3, 4, 8, 6, 12, 7, 14, 10];
        var fit = LinearRegression.Fit(rows, y);
        double expectedF = fit.RSquared / 2 / ((1 - fit.RSquared) / 5);
        Assert.Equal(expectedF, fit.FStatistic, 9);
        Assert.InRange(fit.PValue, 0, 1);
    }

    [Fact]
    public void Fit_ConstantPredictor_IsNamed()
    {
        var ex = Assert.Throws<DataValidationException>(() => LinearRegression.Fit([[1, 7], [2, 7], [3, 7], [4, 7]], [1, 2, 3, 5], ["good", "flat"]));
        Assert.Equal("field 'flat': the predictor is constant", Assert.Single(ex.Errors).ToString());
    }

    [Fact]
    public void Fit_CollinearPredictors_AreReported()
    {
        var ex = Assert.Throws<DataValidationException>(() => LinearRegression.Fit([[1, 2], [2, 4], [3, 6], [4, 8.000000000001]], [1, 2, 3, 5], ["a", "twice-a"]));
        Assert.Contains("collinear", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TooFewObservations_Throws()
    {
        var ex = Assert.Throws<DataValidationException>(() => LinearRegression.Fit([[1, 2], [2, 1], [3, 5]], [1, 2, 3]));
        Assert.Contains("3 observations for 3 parameters", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FitSimple_ConstantResponse_Throws() =>
        Assert.Throws<DataValidationException>(() => LinearRegression.FitSimple([1, 2, 3, 4], [5, 5, 5, 5]));

    [Fact]
    public void FitSimple_NonFiniteValue_Throws() =>
        Assert.Throws<DataValidationException>(() => LinearRegression.FitSimple([1, 2, double.NaN, 4], [1, 2, 3, 4]));
}
