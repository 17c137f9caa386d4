namespace AgoraBench;

/// <summary>The random seeds of a run.</summary>
internal sealed record ManifestSeedsDocument
{
    public required int Generation { get; init; }

    public required int Training { get; init; }

    public required int Bootstrap { get; init; }
}
