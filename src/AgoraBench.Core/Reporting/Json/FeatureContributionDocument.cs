using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>How much one intrinsic metric weighs in the components that predict PGR.</summary>
internal sealed record FeatureContributionDocument(string Feature, double Strength, [property: JsonPropertyName("share_pct")] double SharePct);
