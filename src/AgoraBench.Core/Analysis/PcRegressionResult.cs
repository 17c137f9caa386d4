namespace AgoraBench;

/// <summary>PGR regressed on the leading principal components of the intrinsic features (paper Fig. 6).</summary>
/// <param name="Components">How many components were used.</param>
/// <param name="Regression">The OLS fit; <see cref="RegressionResult.PValue"/> is the overall F test.</param>
/// <param name="PredictionPValue">The p value of a one-predictor regression of actual PGR on the fitted PGR (the test the paper's "p &lt; 0.001" matches).</param>
/// <param name="Points">Predicted (x) against actual (y) PGR, one per observation.</param>
public sealed record PcRegressionResult(int Components, RegressionResult Regression, double PredictionPValue, IReadOnlyList<AnalysisPoint> Points);
