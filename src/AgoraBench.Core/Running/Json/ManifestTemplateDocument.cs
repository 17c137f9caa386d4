using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Where a setting's meta-prompt template comes from and its hash.</summary>
internal sealed record ManifestTemplateDocument
{
    public required string Source { get; init; }

    [JsonPropertyName("sha256")]
    public required string Sha256 { get; init; }
}
