namespace AgoraBench;

/// <summary>
/// PGR regressed on the generators' problem-solving ability (paper Fig. 4), with Pearson and Spearman correlations.
/// </summary>
internal sealed class ProblemSolvingRegression
{
    internal ProblemSolvingRegression(string kind, RegressionResult regression, CorrelationResult pearson, CorrelationResult spearman, IReadOnlyList<AnalysisPoint> points)
    {
        Kind = kind;
        Regression = regression;
        Pearson = pearson;
        Spearman = spearman;
        Points = points;
    }

    /// <summary>Gets <c>coarse</c> (one point per generator: average problem-solving score vs overall PGR) or <c>fine</c> (one point per generator and setting: mean score on the domain's two benchmarks vs the setting's PGR).</summary>
    public string Kind { get; }

    /// <summary>Gets the OLS fit of y on x.</summary>
    internal RegressionResult Regression { get; }

    /// <summary>Gets pearson's r.</summary>
    public CorrelationResult Pearson { get; }

    /// <summary>Gets spearman's ρ.</summary>
    public CorrelationResult Spearman { get; }

    /// <summary>Gets the observations.</summary>
    internal IReadOnlyList<AnalysisPoint> Points { get; }

    /// <summary>Gets the regression's coefficient of determination R².</summary>
    public double RSquared => Regression.RSquared;

    /// <summary>Gets the p value of the regression's F test.</summary>
    public double PValue => Regression.PValue;

    /// <summary>Gets the number of observations the regression was fitted on.</summary>
    public int N => Regression.N;

    /// <summary>Gets the slope: PGR points per point of problem-solving score.</summary>
    public double Slope => Regression.Slope;
}
