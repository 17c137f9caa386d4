namespace AgoraBench;

/// <summary>
/// One generator of a leaderboard file: rank, overall PGR, method averages and cells; <c>pgr.json</c> adds
/// <c>complete</c>, the domain averages and the benchmarks behind each cell, which <c>results.json</c> leaves out.
/// </summary>
internal sealed record PgrGeneratorDocument
{
    public required string Generator { get; init; }

    public required int Rank { get; init; }

    public required double Overall { get; init; }

    public bool? Complete { get; init; }

    public required IReadOnlyDictionary<string, double> Methods { get; init; }

    public required IReadOnlyDictionary<string, double> Cells { get; init; }

    public IReadOnlyDictionary<string, double>? Domains { get; init; }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, PgrBenchmarkDocument>>? Benchmarks { get; init; }

    public PgrIntervalsDocument? Intervals { get; init; }

    public PgrRepeatsDocument? Repeats { get; init; }

    /// <summary>The generator as <c>pgr.json</c> (<paramref name="detailed"/>) or <c>results.json</c> writes it.</summary>
    public static PgrGeneratorDocument From(GeneratorPgr g, bool detailed) => new()
    {
        Generator = g.Generator,
        Rank = g.Rank,
        Overall = g.Overall,
        Complete = detailed ? g.IsComplete : null,
        Methods = g.MethodAverages.ToDictionary(p => AgoraBenchNames.ToName(p.Key), p => p.Value, StringComparer.Ordinal),
        Cells = g.Cells.ToDictionary(c => c.Setting.Key, c => c.Value, StringComparer.Ordinal),
        Domains = detailed ? g.DomainAverages.ToDictionary(p => AgoraBenchNames.ToName(p.Key), p => p.Value, StringComparer.Ordinal) : null,
        Benchmarks = detailed
            ? g.Cells.Where(c => c.Benchmarks.Count > 0).ToDictionary(
                c => c.Setting.Key,
                c => (IReadOnlyDictionary<string, PgrBenchmarkDocument>)c.Benchmarks.ToDictionary(b => b.Benchmark, PgrBenchmarkDocument.From, StringComparer.Ordinal),
                StringComparer.Ordinal)
            : null,
        Intervals = PgrIntervalsDocument.From(g),
        Repeats = PgrRepeatsDocument.From(g),
    };
}
