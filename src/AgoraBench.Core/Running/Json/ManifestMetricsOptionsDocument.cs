namespace AgoraBench;

/// <summary>The intrinsic-metric options of a run.</summary>
internal sealed record ManifestMetricsOptionsDocument
{
    public required IReadOnlyList<string> Names { get; init; }

    public required int Concurrency { get; init; }
}
