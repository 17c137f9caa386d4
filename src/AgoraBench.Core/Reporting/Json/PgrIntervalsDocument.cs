namespace AgoraBench;

/// <summary>The <c>"intervals"</c> of a generator: overall, per method, per domain and per cell.</summary>
internal sealed record PgrIntervalsDocument(
    IntervalDocument? Overall,
    IReadOnlyDictionary<string, IntervalDocument> Methods,
    IReadOnlyDictionary<string, IntervalDocument> Domains,
    IReadOnlyDictionary<string, IntervalDocument> Cells)
{
    /// <summary>The intervals of a generator, or <see langword="null"/> when it has none.</summary>
    public static PgrIntervalsDocument? From(GeneratorPgr generator) =>
        generator.OverallInterval is null && generator.Cells.All(c => c.Interval is null)
            ? null
            : new(
                generator.OverallInterval is { } overall ? IntervalDocument.From(overall) : null,
                generator.MethodIntervals.ToDictionary(p => AgoraBenchNames.ToName(p.Key), p => IntervalDocument.From(p.Value), StringComparer.Ordinal),
                generator.DomainIntervals.ToDictionary(p => AgoraBenchNames.ToName(p.Key), p => IntervalDocument.From(p.Value), StringComparer.Ordinal),
                generator.Cells.Where(c => c.Interval is not null).ToDictionary(c => c.Setting.Key, c => IntervalDocument.From(c.Interval!), StringComparer.Ordinal));
}
