namespace AgoraBench;

/// <summary>PGR regressed on the leading principal components of the intrinsic features (paper Fig. 6).</summary>
internal sealed class PcRegressionResult
{
    internal PcRegressionResult(int components, RegressionResult regression, double predictionPValue, IReadOnlyList<AnalysisPoint> points)
    {
        Components = components;
        Regression = regression;
        PredictionPValue = predictionPValue;
        Points = points;
    }

    /// <summary>Gets how many components were used.</summary>
    public int Components { get; }

    /// <summary>Gets the OLS fit; <see cref="RegressionResult.PValue"/> is the overall F test.</summary>
    internal RegressionResult Regression { get; }

    /// <summary>Gets the p value of a one-predictor regression of actual PGR on the fitted PGR (the test the paper's "p &lt; 0.001" matches).</summary>
    public double PredictionPValue { get; }

    /// <summary>Gets predicted (x) against actual (y) PGR, one per observation.</summary>
    internal IReadOnlyList<AnalysisPoint> Points { get; }

    /// <summary>Gets the regression's coefficient of determination R².</summary>
    public double RSquared => Regression.RSquared;

    /// <summary>Gets the p value of the regression's F test.</summary>
    public double PValue => Regression.PValue;

    /// <summary>Gets the number of observations the regression was fitted on.</summary>
    public int N => Regression.N;
}
