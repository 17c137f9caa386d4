namespace AgoraBench;

/// <summary>The result of an ordinary-least-squares regression with an intercept.</summary>
/// <remarks>
/// <see cref="PValue"/> is the p value of the overall F test; with one predictor it equals the slope's two-sided t-test
/// p value, which is what the paper reports for its regressions.
/// </remarks>
internal sealed class RegressionResult
{
    internal RegressionResult(
        int n,
        IReadOnlyList<RegressionCoefficient> coefficients,
        double rSquared,
        double adjustedRSquared,
        double fStatistic,
        double pValue,
        double residualStandardError,
        IReadOnlyList<double> fitted,
        IReadOnlyList<double> residuals)
    {
        N = n;
        Coefficients = coefficients;
        RSquared = rSquared;
        AdjustedRSquared = adjustedRSquared;
        FStatistic = fStatistic;
        PValue = pValue;
        ResidualStandardError = residualStandardError;
        Fitted = fitted;
        Residuals = residuals;
    }

    /// <summary>Gets the number of observations.</summary>
    internal int N { get; }

    /// <summary>Gets the coefficients: the intercept first, then one per predictor.</summary>
    internal IReadOnlyList<RegressionCoefficient> Coefficients { get; }

    /// <summary>Gets the intercept.</summary>
    internal double Intercept => Coefficients[0].Estimate;

    /// <summary>Gets the slope of the first predictor (the slope of a simple regression).</summary>
    internal double Slope => Coefficients[1].Estimate;

    /// <summary>Gets the coefficient of determination R².</summary>
    internal double RSquared { get; }

    /// <summary>Gets R² adjusted for the number of predictors.</summary>
    internal double AdjustedRSquared { get; }

    /// <summary>Gets the F statistic of the overall test that all slopes are zero.</summary>
    internal double FStatistic { get; }

    /// <summary>Gets the p value of the overall F test (for one predictor: of the slope's t test).</summary>
    internal double PValue { get; }

    /// <summary>Gets the residual standard error, √(SSE / (n − p − 1)).</summary>
    internal double ResidualStandardError { get; }

    /// <summary>Gets the fitted values, in observation order.</summary>
    internal IReadOnlyList<double> Fitted { get; }

    /// <summary>Gets the residuals (observed − fitted), in observation order.</summary>
    internal IReadOnlyList<double> Residuals { get; }
}
