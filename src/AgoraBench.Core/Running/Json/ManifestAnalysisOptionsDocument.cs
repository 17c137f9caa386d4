namespace AgoraBench;

/// <summary>The analysis options of a run.</summary>
internal sealed record ManifestAnalysisOptionsDocument
{
    public required string Aggregation { get; init; }

    public required int PrincipalComponents { get; init; }
}
