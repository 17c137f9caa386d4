namespace AgoraBench;

/// <summary>What a run reads back of an earlier <c>manifest.json</c>: when the folder was first made.</summary>
internal sealed record ManifestHeaderDocument
{
    public string? Created { get; init; }
}
