namespace AgoraBench;

/// <summary>The tables an AGORABENCH analysis works on.</summary>
/// <remarks>
/// Only <see cref="Cells"/> is required. Without intrinsic metrics there is no PCA; without problem-solving scores there
/// are no regressions; without prices there is no cost analysis. What is skipped, and why, is listed in
/// <see cref="AgoraBenchAnalysis.Diagnostics"/>.
/// </remarks>
public sealed class AnalysisInput
{
    /// <summary>Gets the PGR of each generator in each setting.</summary>
    public required IReadOnlyList<SettingPgr> Cells { get; init; }

    /// <summary>
    /// Gets a leaderboard computed from the same cells with per-problem outcomes, or <see langword="null"/>. When its
    /// cells equal <see cref="Cells"/>, it is the analysis's leaderboard, so its intervals and generator comparisons
    /// reach the report; otherwise it is ignored.
    /// </summary>
    internal PgrReport? Leaderboard { get; init; }

    /// <summary>Gets the intrinsic metrics of each generator's data in each setting.</summary>
    public IReadOnlyList<IntrinsicMetricValue> IntrinsicMetrics { get; init; } = [];

    /// <summary>Gets the generators' own benchmark scores.</summary>
    public IReadOnlyList<ProblemSolvingScore> ProblemSolving { get; init; } = [];

    /// <summary>Gets the generators' API prices.</summary>
    public IReadOnlyList<GeneratorPrice> Prices { get; init; } = [];

    /// <summary>Gets measured token usage; generators without it are costed with <see cref="AnalysisOptions.AssumedInputTokensPerInstance"/> and <see cref="AnalysisOptions.AssumedOutputTokensPerInstance"/>.</summary>
    public IReadOnlyList<GenerationUsage> Usage { get; init; } = [];

    /// <summary>Gets what the study measurably spent, by stage (generation, metrics, evaluation), for the report's spend table.</summary>
    internal IReadOnlyList<RunCost> Spend { get; init; } = [];

    /// <summary>Gets measured overall PGRs at other instance counts, for the budget view.</summary>
    public IReadOnlyList<ScalingPoint> ScalingPoints { get; init; } = [];

    /// <summary>
    /// Gets overall PGRs as a source reported them (for example the paper's Table 3, rounded), used instead of the
    /// mean of the cells for the coarse regression. Leave empty to use the cells.
    /// </summary>
    internal IReadOnlyDictionary<string, double> ReportedOverallPgr { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// Gets problem-solving averages as a source reported them (for example the paper's Table 7 "Average"), used instead
    /// of the mean of <see cref="ProblemSolving"/> for the coarse regression. Leave empty to use the scores.
    /// </summary>
    internal IReadOnlyDictionary<string, double> ReportedProblemSolvingAverage { get; init; } = new Dictionary<string, double>();
}
