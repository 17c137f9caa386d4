namespace AgoraBench;

/// <summary>The <c>"repeats"</c> of a generator: the overall split and one per cell trained more than once.</summary>
internal sealed record PgrRepeatsDocument(PgrVarianceDocument? Overall, IReadOnlyDictionary<string, PgrVarianceDocument> Cells)
{
    /// <summary>The repeats of a generator, or <see langword="null"/> when no cell was trained more than once.</summary>
    public static PgrRepeatsDocument? From(GeneratorPgr generator) => generator.Cells.All(c => c.Variance is null)
        ? null
        : new(
            generator.OverallVariance is { } overall ? PgrVarianceDocument.From(overall) : null,
            generator.Cells.Where(c => c.Variance is not null).ToDictionary(c => c.Setting.Key, c => PgrVarianceDocument.From(c.Variance!), StringComparer.Ordinal));
}
