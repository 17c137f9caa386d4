using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The plan a run follows: its name, file and hash, and its size.</summary>
internal sealed record ManifestPlanDocument
{
    public required string Name { get; init; }

    public string? Source { get; init; }

    [JsonPropertyName("sha256")]
    public string? Sha256 { get; init; }

    public required int Instances { get; init; }

    public required IReadOnlyList<string> Settings { get; init; }
}
