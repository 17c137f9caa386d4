namespace AgoraBench;

/// <summary>The result of an AGORABENCH analysis: leaderboard, regressions, PCA, cost and budget.</summary>
/// <remarks>Parts that could not be computed are <see langword="null"/> (or empty) and explained in <see cref="Diagnostics"/>; no statistic is ever NaN.</remarks>
public sealed class AgoraBenchAnalysis
{
    internal AgoraBenchAnalysis()
    {
    }

    /// <summary>Gets the PGR leaderboard.</summary>
    public PgrReport Leaderboard { get; internal init; } = null!;

    /// <summary>
    /// Gets the key findings as short sentences computed from this analysis: the best generator (and whether its lead
    /// holds), whether problem-solving ability predicts PGR, what the intrinsic metrics explain, the most PGR per dollar
    /// and the budget choice. The CLI prints them; <c>report.md</c> and <c>report.html</c> hold the tables behind them.
    /// </summary>
    public IReadOnlyList<string> Findings => AnalysisFindings.Describe(this);

    /// <summary>Gets the coarse problem-solving regression (one point per generator), or <see langword="null"/>.</summary>
    internal ProblemSolvingRegression? Coarse { get; init; }

    /// <summary>Gets the fine problem-solving regression (one point per generator and setting), or <see langword="null"/>.</summary>
    internal ProblemSolvingRegression? Fine { get; init; }

    /// <summary>Gets the PCA of the z-scored intrinsic features plus problem-solving, or <see langword="null"/>.</summary>
    internal PcaResult? Pca { get; init; }

    /// <summary>Gets the labels of the PCA observations (<c>generator · method/domain</c>), in the order of <see cref="PcaResult.Scores"/>.</summary>
    internal IReadOnlyList<string> PcaObservations { get; init; } = [];

    /// <summary>Gets the regression of PGR on the leading principal components, or <see langword="null"/>.</summary>
    internal PcRegressionResult? PcRegression { get; init; }

    /// <summary>Gets the cost of each generator with a price.</summary>
    public IReadOnlyList<GeneratorCost> Costs { get; internal init; } = [];

    /// <summary>Gets what the budget buys from each generator, best first (empty without a budget).</summary>
    internal IReadOnlyList<BudgetOption> Budget { get; init; } = [];

    /// <summary>
    /// Gets, with a budget per setting and prices, which generator gives the most overall PGR within that budget (each
    /// generator's cost per setting from its measured tokens per instance where recorded) and how sure that is; or
    /// <see langword="null"/>.
    /// </summary>
    internal BudgetDecision? BudgetDecision { get; init; }

    /// <summary>Gets the options the analysis ran with.</summary>
    internal AnalysisOptions Options { get; init; } = null!;

    /// <summary>Gets the intrinsic metric values the analysis was given (shown in the report).</summary>
    internal IReadOnlyList<IntrinsicMetricValue> IntrinsicMetrics { get; init; } = [];

    /// <summary>Gets what the study measurably spent, by stage (shown in the report).</summary>
    internal IReadOnlyList<RunCost> Spend { get; init; } = [];

    /// <summary>Gets what was left out or could not be computed, and why.</summary>
    public IReadOnlyList<AnalysisDiagnostic> Diagnostics { get; internal init; } = [];
}
