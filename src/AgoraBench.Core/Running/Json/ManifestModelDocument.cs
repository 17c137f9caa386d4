using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One model of a run: endpoints redacted, the key's environment variable by name only (never a key).</summary>
internal sealed record ManifestModelDocument
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Name { get; init; }

    public required string Model { get; init; }

    public required string Endpoint { get; init; }

    [JsonPropertyName("api_key_env")]
    public string? ApiKeyEnv { get; init; }

    public required string Backend { get; init; }

    public IReadOnlyList<string>? Replicas { get; init; }

    [JsonPropertyName("price_usd_per_1m")]
    public ManifestPriceDocument? PriceUsdPer1m { get; init; }

    public required int Concurrency { get; init; }
}
