namespace AgoraBench;

/// <summary>The PGR of one generator in one setting (one cell of the paper's Table 2).</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Value">The unclipped PGR in percent.</param>
/// <remarks>
/// <see cref="Benchmarks"/> holds the per-benchmark values the cell was computed from; it is empty for cells taken
/// from published tables, which report only the cell.
/// </remarks>
public sealed record SettingPgr(string Generator, AgoraBenchSetting Setting, double Value)
{
    /// <summary>Gets the per-benchmark PGRs behind the cell, in the paper's benchmark order.</summary>
    public IReadOnlyList<BenchmarkPgr> Benchmarks { get; init; } = [];

    /// <summary>
    /// Gets the paired bootstrap interval of <see cref="Value"/>, from the same resamples as the benchmarks', or
    /// <see langword="null"/> when a benchmark of the cell has no per-problem outcomes.
    /// </summary>
    public ConfidenceInterval? Interval { get; init; }

    /// <summary>Gets the split of the spread into training seeds and evaluation problems when the cell's student was trained several times, or <see langword="null"/>.</summary>
    public PgrVariance? Variance { get; init; }
}
