namespace AgoraBench;

/// <summary>
/// PGR regressed on the generators' problem-solving ability (paper Fig. 4), with Pearson and Spearman correlations.
/// </summary>
/// <param name="Kind"><c>coarse</c> (one point per generator: average problem-solving score vs overall PGR) or <c>fine</c> (one point per generator and setting: mean score on the domain's two benchmarks vs the setting's PGR).</param>
/// <param name="Regression">The OLS fit of y on x.</param>
/// <param name="Pearson">Pearson's r.</param>
/// <param name="Spearman">Spearman's ρ.</param>
/// <param name="Points">The observations.</param>
public sealed record ProblemSolvingRegression(
    string Kind,
    RegressionResult Regression,
    CorrelationResult Pearson,
    CorrelationResult Spearman,
    IReadOnlyList<AnalysisPoint> Points);
