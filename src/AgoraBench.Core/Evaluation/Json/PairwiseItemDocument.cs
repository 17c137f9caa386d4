using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One judged question of a pairwise <c>result.json</c> (see <see cref="PairwiseOutcome"/>).</summary>
internal sealed record PairwiseItemDocument
{
    public required string Id { get; init; }

    public required double Preference { get; init; }

    public required double Weight { get; init; }

    [JsonPropertyName("raw_preference")]
    public double? RawPreference { get; init; }
}
