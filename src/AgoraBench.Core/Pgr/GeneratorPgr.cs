namespace AgoraBench;

/// <summary>One generator's row of the leaderboard: its cells, method averages, domain averages and overall PGR.</summary>
public sealed class GeneratorPgr
{
    internal GeneratorPgr(string generator, IReadOnlyList<SettingPgr> cells)
    {
        Generator = generator;
        Cells = cells;
        Overall = cells.Average(c => c.Value);
        MethodAverages = AgoraBenchSettings.Methods
            .Where(m => cells.Any(c => c.Setting.Method == m))
            .ToDictionary(m => m, m => cells.Where(c => c.Setting.Method == m).Average(c => c.Value));
        DomainAverages = cells.Select(c => c.Setting.Domain).Distinct().Order()
            .ToDictionary(d => d, d => cells.Where(c => c.Setting.Domain == d).Average(c => c.Value));
    }

    /// <summary>Gets the generator's name.</summary>
    public string Generator { get; }

    /// <summary>Gets the 1-based rank by <see cref="Overall"/>, highest first.</summary>
    public int Rank { get; internal set; }

    /// <summary>
    /// Gets the overall AGORABENCH score: the mean of the generator's setting PGRs (with all nine, this equals the mean
    /// of the three method averages, as in the paper's Table 3).
    /// </summary>
    public double Overall { get; }

    /// <summary>Gets the mean PGR of each method over its domains (the "Avg" columns of Table 2); only methods with cells appear.</summary>
    public IReadOnlyDictionary<GenerationMethod, double> MethodAverages { get; }

    /// <summary>Gets the mean PGR of each domain over its methods; only domains with cells appear.</summary>
    public IReadOnlyDictionary<BenchmarkDomain, double> DomainAverages { get; }

    /// <summary>Gets the paired bootstrap interval of <see cref="Overall"/>, or <see langword="null"/> when a cell has none.</summary>
    public ConfidenceInterval? OverallInterval { get; internal set; }

    /// <summary>Gets the split of the overall score's spread into training seeds and evaluation problems when every cell was trained several times, or <see langword="null"/>.</summary>
    internal PgrVariance? OverallVariance { get; set; }

    /// <summary>The bootstrap replicates behind the intervals, round by round (the same rounds for every generator): <c>overall</c> and <c>domain:NAME</c>.</summary>
    internal IReadOnlyDictionary<string, double[]> Replicates { get; set; } = new Dictionary<string, double[]>(StringComparer.Ordinal);

    /// <summary>Gets the paired bootstrap interval of each method average that has one.</summary>
    internal IReadOnlyDictionary<GenerationMethod, ConfidenceInterval> MethodIntervals { get; set; } = new Dictionary<GenerationMethod, ConfidenceInterval>();

    /// <summary>Gets the paired bootstrap interval of each domain average that has one.</summary>
    internal IReadOnlyDictionary<BenchmarkDomain, ConfidenceInterval> DomainIntervals { get; set; } = new Dictionary<BenchmarkDomain, ConfidenceInterval>();

    /// <summary>Gets the setting PGRs, in the paper's order (method-major).</summary>
    public IReadOnlyList<SettingPgr> Cells { get; }

    /// <summary>Gets a value indicating whether all nine settings are present.</summary>
    internal bool IsComplete => Cells.Count == AgoraBenchSettings.All.Count;

    /// <summary>Gets the PGR of a setting, or <see langword="null"/> when the generator has no value for it.</summary>
    /// <param name="method">The method.</param>
    /// <param name="domain">The domain.</param>
    /// <returns>The cell, or <see langword="null"/>.</returns>
    internal SettingPgr? GetCell(GenerationMethod method, BenchmarkDomain domain) =>
        Cells.FirstOrDefault(c => c.Setting.Method == method && c.Setting.Domain == domain);
}
