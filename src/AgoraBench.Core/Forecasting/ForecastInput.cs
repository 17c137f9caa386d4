namespace AgoraBench;

/// <summary>What a PGR forecast learns from and predicts: observed PGR cells, the intrinsic metrics of every cell, and optionally the generators' problem-solving scores.</summary>
/// <remarks>
/// A cell with intrinsic metrics and an observed PGR is a training observation; a cell with intrinsic metrics but no
/// PGR (a pilot's cell: data generated and measured, no student trained yet) is forecast. Metric names are those of
/// <see cref="IntrinsicMetricNames"/> (the paper's Table 8 identifiers are accepted too and mapped to them).
/// </remarks>
internal sealed class ForecastInput
{
    internal ForecastInput()
    {
    }

    /// <summary>Gets the observed PGR of each generator in each setting.</summary>
    internal IReadOnlyList<SettingPgr> Cells { get; init; } = [];

    /// <summary>Gets the intrinsic metrics of each generator's data in each setting.</summary>
    internal IReadOnlyList<IntrinsicMetricValue> IntrinsicMetrics { get; init; } = [];

    /// <summary>Gets the generators' own benchmark scores; averaged per domain, they become the <c>problem_solving</c> feature.</summary>
    internal IReadOnlyList<ProblemSolvingScore> ProblemSolving { get; init; } = [];

    /// <summary>Gets where each cell's values came from (a file of a run folder), to name it in errors and notes.</summary>
    internal IReadOnlyDictionary<(string Generator, AgoraBenchSetting Setting), string> Origins { get; init; } =
        new Dictionary<(string, AgoraBenchSetting), string>();

    /// <summary>Gets how many of <see cref="Cells"/> are the paper's published cells (the rest come from the user's runs).</summary>
    internal int PublishedCells { get; init; }

    /// <summary>
    /// Creates the input of the paper's published data: the 54 PGR cells of Table 2, the intrinsic metrics of Table 8
    /// (under the names of <see cref="IntrinsicMetricNames"/> where the library measures the same quantity) and the
    /// problem-solving scores of Table 7.
    /// </summary>
    /// <returns>The input.</returns>
    public static ForecastInput FromPaper() => new()
    {
        Cells = [.. PublishedResults.PgrCells.Rows.Select(c => new SettingPgr(c.Generator, c.Setting, c.Value))],
        IntrinsicMetrics = [.. PublishedResults.IntrinsicMetrics.Rows.Select(m => new IntrinsicMetricValue(m.Generator, m.Setting, ForecastFeatures.Canonical(m.Metric), m.Value))],
        ProblemSolving = [.. PublishedResults.ProblemSolving.Rows.Select(s => new ProblemSolvingScore(s.Generator, s.Benchmark.Id, s.Score))],
        PublishedCells = PublishedResults.PgrCells.Rows.Count,
    };

    /// <summary>Combines two inputs (the paper's data and a run's, or several runs').</summary>
    /// <param name="other">The input to append.</param>
    /// <returns>A new input with the rows of both.</returns>
    public ForecastInput Concat(ForecastInput other)
    {
        var origins = new Dictionary<(string, AgoraBenchSetting), string>(Origins);
        foreach (var (key, value) in other.Origins)
        {
            origins[key] = value;
        }

        return new ForecastInput
        {
            Cells = [.. Cells, .. other.Cells],
            IntrinsicMetrics = [.. IntrinsicMetrics, .. other.IntrinsicMetrics],
            ProblemSolving = [.. ProblemSolving, .. other.ProblemSolving],
            Origins = origins,
            PublishedCells = PublishedCells + other.PublishedCells,
        };
    }
}
