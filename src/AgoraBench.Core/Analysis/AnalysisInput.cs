namespace AgoraBench;

/// <summary>The tables an AGORABENCH analysis works on.</summary>
/// <remarks>
/// Read the tables from CSV files with <see cref="ReadTablesAsync"/> (what <c>agorabench analyze</c> does) or take the
/// paper's with <see cref="PublishedResults.CreateAnalysisInput"/>; a run's analyze stage reads its own. The PGR table
/// is the one required. Without intrinsic metrics there is no PCA; without problem-solving scores there
/// are no regressions; without prices there is no cost analysis. What is skipped, and why, is listed in
/// <see cref="AgoraBenchAnalysis.Diagnostics"/>.
/// </remarks>
public sealed class AnalysisInput
{
    internal AnalysisInput()
    {
    }

    /// <summary>Gets the PGR of each generator in each setting.</summary>
    internal IReadOnlyList<SettingPgr> Cells { get; init; } = [];

    /// <summary>
    /// Gets a leaderboard computed from the same cells with per-problem outcomes, or <see langword="null"/>. When its
    /// cells equal <see cref="Cells"/>, it is the analysis's leaderboard, so its intervals and generator comparisons
    /// reach the report; otherwise it is ignored.
    /// </summary>
    internal PgrReport? Leaderboard { get; init; }

    /// <summary>Gets the intrinsic metrics of each generator's data in each setting.</summary>
    internal IReadOnlyList<IntrinsicMetricValue> IntrinsicMetrics { get; init; } = [];

    /// <summary>Gets the generators' own benchmark scores.</summary>
    internal IReadOnlyList<ProblemSolvingScore> ProblemSolving { get; init; } = [];

    /// <summary>Gets the generators' API prices.</summary>
    internal IReadOnlyList<GeneratorPrice> Prices { get; init; } = [];

    /// <summary>Gets measured token usage; generators without it are costed with <see cref="AnalysisOptions.AssumedInputTokensPerInstance"/> and <see cref="AnalysisOptions.AssumedOutputTokensPerInstance"/>.</summary>
    internal IReadOnlyList<GenerationUsage> Usage { get; init; } = [];

    /// <summary>Gets what the study measurably spent, by stage (generation, metrics, evaluation), for the report's spend table.</summary>
    internal IReadOnlyList<RunCost> Spend { get; init; } = [];

    /// <summary>Gets measured overall PGRs at other instance counts, for the budget view.</summary>
    internal IReadOnlyList<ScalingPoint> ScalingPoints { get; init; } = [];

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

    /// <summary>
    /// Reads the analysis tables from CSV files (columns in any order; every problem reported at once in one
    /// <see cref="DataValidationException"/> naming file, line and column). See docs/analysis.md for the columns.
    /// </summary>
    /// <param name="pgrPath">The PGR cells: <c>generator,method,domain,pgr</c>.</param>
    /// <param name="intrinsicMetricsPath">The intrinsic metrics (<c>generator,method,domain,metric,value</c>), or <see langword="null"/>.</param>
    /// <param name="problemSolvingPath">The generators' own benchmark scores (<c>generator,benchmark,score</c>), or <see langword="null"/>.</param>
    /// <param name="pricesPath">The generators' API prices (<c>generator,usd_per_1m_input,usd_per_1m_output</c>), or <see langword="null"/>.</param>
    /// <param name="usagePath">Measured token usage (<c>generator,instances,input_tokens,output_tokens</c>), or <see langword="null"/>.</param>
    /// <param name="scalingPath">Overall PGRs at other instance counts (<c>generator,instances,pgr</c>), or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The input of <see cref="AgoraBenchAnalyzer.Analyze"/>.</returns>
    /// <exception cref="DataValidationException">A file is malformed; every problem is listed.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static async Task<AnalysisInput> ReadTablesAsync(
        string pgrPath,
        string? intrinsicMetricsPath = null,
        string? problemSolvingPath = null,
        string? pricesPath = null,
        string? usagePath = null,
        string? scalingPath = null,
        CancellationToken cancellationToken = default) => new()
        {
            Cells = await AnalysisTableCsv.ReadPgrAsync(pgrPath, cancellationToken).ConfigureAwait(false),
            IntrinsicMetrics = intrinsicMetricsPath is null ? [] : await AnalysisTableCsv.ReadIntrinsicMetricsAsync(intrinsicMetricsPath, cancellationToken).ConfigureAwait(false),
            ProblemSolving = problemSolvingPath is null ? [] : await AnalysisTableCsv.ReadProblemSolvingAsync(problemSolvingPath, cancellationToken).ConfigureAwait(false),
            Prices = pricesPath is null ? [] : await AnalysisTableCsv.ReadPricesAsync(pricesPath, cancellationToken).ConfigureAwait(false),
            Usage = usagePath is null ? [] : await AnalysisTableCsv.ReadUsageAsync(usagePath, cancellationToken).ConfigureAwait(false),
            ScalingPoints = scalingPath is null ? [] : await AnalysisTableCsv.ReadScalingPointsAsync(scalingPath, cancellationToken).ConfigureAwait(false),
        };
}
