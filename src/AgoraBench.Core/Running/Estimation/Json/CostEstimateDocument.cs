using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A cost estimate file: <c>{"plan", "total_usd", "unpriced", "by_stage", "lines", "profiles", "notes"}</c>.</summary>
internal sealed record CostEstimateDocument(
    string Plan,
    [property: JsonPropertyName("total_usd")] decimal TotalUsd,
    bool Unpriced,
    [property: JsonPropertyName("by_stage")] IReadOnlyList<CostEstimateLineDocument> ByStage,
    IReadOnlyList<CostEstimateLineDocument> Lines,
    IReadOnlyList<TokenProfileDocument> Profiles,
    IReadOnlyList<string> Notes)
{
    public static CostEstimateDocument From(CostEstimate estimate) => new(
        estimate.Plan,
        Math.Round(estimate.TotalUsd, 6),
        estimate.HasUnpricedLines,
        [.. estimate.ByStage().Select(CostEstimateLineDocument.From)],
        [.. estimate.Lines.Select(CostEstimateLineDocument.From)],
        [.. estimate.Profiles.Select(TokenProfileDocument.From)],
        estimate.Notes);
}
