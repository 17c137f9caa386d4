namespace AgoraBench;

/// <summary>The PGR of one generator in one setting (one cell of the paper's Table 2).</summary>
/// <remarks>
/// <see cref="Benchmarks"/> holds the per-benchmark values the cell was computed from; it is empty for cells taken
/// from published tables, which report only the cell. A host builds cells of its own (for
/// <see cref="PgrReport.Create"/>) with the public constructor; the other members are filled by the library.
/// </remarks>
public sealed class SettingPgr
{
    /// <summary>Initializes a new instance of the <see cref="SettingPgr"/> class.</summary>
    /// <param name="generator">The generator.</param>
    /// <param name="setting">The setting.</param>
    /// <param name="value">The unclipped PGR in percent.</param>
    public SettingPgr(string generator, AgoraBenchSetting setting, double value)
    {
        Generator = generator;
        Setting = setting;
        Value = value;
    }

    /// <summary>Gets the generator.</summary>
    internal string Generator { get; }

    /// <summary>Gets the setting.</summary>
    public AgoraBenchSetting Setting { get; }

    /// <summary>Gets the unclipped PGR in percent.</summary>
    public double Value { get; }

    /// <summary>Gets the per-benchmark PGRs behind the cell, in the paper's benchmark order.</summary>
    public IReadOnlyList<BenchmarkPgr> Benchmarks { get; internal init; } = [];

    /// <summary>
    /// Gets the paired bootstrap interval of <see cref="Value"/>, from the same resamples as the benchmarks', or
    /// <see langword="null"/> when a benchmark of the cell has no per-problem outcomes.
    /// </summary>
    public ConfidenceInterval? Interval { get; internal init; }

    /// <summary>Gets the split of the spread into training seeds and evaluation problems when the cell's student was trained several times, or <see langword="null"/>.</summary>
    internal PgrVariance? Variance { get; init; }

    /// <summary>A copy with other per-benchmark values (what a record's <c>with</c> did).</summary>
    internal SettingPgr WithBenchmarks(IReadOnlyList<BenchmarkPgr> benchmarks) =>
        new(Generator, Setting, Value) { Benchmarks = benchmarks, Interval = Interval, Variance = Variance };
}
