namespace AgoraBench;

/// <summary>The library that wrote a manifest.</summary>
internal sealed record ManifestLibraryDocument
{
    public required string Name { get; init; }

    public string? Version { get; init; }
}
