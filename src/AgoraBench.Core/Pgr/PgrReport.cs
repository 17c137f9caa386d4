namespace AgoraBench;

/// <summary>A PGR leaderboard: every generator's cells and averages, ranked by overall PGR.</summary>
public sealed class PgrReport
{
    private PgrReport(PgrAggregation aggregation, IReadOnlyList<GeneratorPgr> generators)
    {
        Aggregation = aggregation;
        Generators = generators;
    }

    /// <summary>Gets how each setting's benchmarks were combined.</summary>
    internal PgrAggregation Aggregation { get; }

    /// <summary>Gets the generators, ranked by overall PGR (highest first; ties by name).</summary>
    public IReadOnlyList<GeneratorPgr> Generators { get; }

    /// <summary>Gets the confidence level of the intervals, or <see langword="null"/> when no interval was computed.</summary>
    internal double? Confidence { get; set; }

    /// <summary>
    /// Gets the paired comparison of every ordered pair of generators with an overall interval: the interval of the
    /// difference in overall PGR and the probability that the first is better, from the same resamples.
    /// </summary>
    internal IReadOnlyList<GeneratorComparison> Comparisons { get; set; } = [];

    /// <summary>Gets the comparison of <paramref name="generator"/> with <paramref name="other"/>, or <see langword="null"/> when either has no overall interval.</summary>
    /// <param name="generator">The first generator.</param>
    /// <param name="other">The second generator.</param>
    /// <returns>The comparison, or <see langword="null"/>.</returns>
    internal GeneratorComparison? Compare(string generator, string other) =>
        Comparisons.FirstOrDefault(c => string.Equals(c.Generator, generator, StringComparison.Ordinal) && string.Equals(c.Other, other, StringComparison.Ordinal));

    /// <summary>Gets a generator's row by name (ordinal comparison).</summary>
    /// <param name="generator">The generator's name.</param>
    /// <returns>The row.</returns>
    /// <exception cref="KeyNotFoundException">No such generator.</exception>
    internal GeneratorPgr this[string generator] =>
        Generators.FirstOrDefault(g => string.Equals(g.Generator, generator, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"The report has no generator '{generator}'.");

    /// <summary>
    /// Builds a report from setting PGRs, for example values computed elsewhere or published in a paper. Method
    /// averages, domain averages and overall scores are computed from the cells.
    /// </summary>
    /// <param name="cells">The setting PGRs; at most one per generator and setting.</param>
    /// <param name="aggregation">How the cells were formed from benchmarks, recorded in the report.</param>
    /// <returns>The ranked report.</returns>
    /// <exception cref="DataValidationException">A cell is duplicated, has an empty generator name, or is not finite.</exception>
    public static PgrReport Create(IEnumerable<SettingPgr> cells, PgrAggregation aggregation = PgrAggregation.MeanOfPgr)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var errors = new List<DataError>();
        var byGenerator = new Dictionary<string, List<SettingPgr>>(StringComparer.Ordinal);
        var order = new List<string>();
        int position = 0;
        foreach (var cell in cells)
        {
            position++;
            ArgumentNullException.ThrowIfNull(cell, nameof(cells));
            string where = $"cell #{position} ({cell.Generator}, {cell.Setting.Key})";
            if (string.IsNullOrWhiteSpace(cell.Generator))
            {
                errors.Add(new DataError(null, null, "generator", $"{where}: the generator name is empty"));
                continue;
            }

            if (!double.IsFinite(cell.Value))
            {
                errors.Add(new DataError(null, null, "pgr", $"{where}: PGR {cell.Value} is not a finite number"));
                continue;
            }

            if (!byGenerator.TryGetValue(cell.Generator, out var list))
            {
                byGenerator[cell.Generator] = list = [];
                order.Add(cell.Generator);
            }

            if (list.Exists(c => c.Setting.Equals(cell.Setting)))
            {
                errors.Add(new DataError(null, null, null, $"{where}: duplicate cell; the generator already has a value for {cell.Setting.Key}"));
                continue;
            }

            list.Add(cell);
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        var generators = order
            .Select(name => new GeneratorPgr(name, [.. byGenerator[name].OrderBy(c => (int)c.Setting.Method).ThenBy(c => c.Setting.Domain)]))
            .OrderByDescending(g => g.Overall)
            .ThenBy(g => g.Generator, StringComparer.Ordinal)
            .ToArray();
        for (int i = 0; i < generators.Length; i++)
        {
            generators[i].Rank = i + 1;
        }

        return new PgrReport(aggregation, generators);
    }
}
