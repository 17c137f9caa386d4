using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One line of a cost estimate file; a line without a price has <c>"usd": null</c>.</summary>
internal sealed record CostEstimateLineDocument(
    string Stage,
    string? Generator,
    string? Setting,
    string Item,
    string Model,
    long Requests,
    [property: JsonPropertyName("input_tokens")] long InputTokens,
    [property: JsonPropertyName("output_tokens")] long OutputTokens,
    decimal? Usd,
    string Tokenizer)
{
    public static CostEstimateLineDocument From(CostEstimateLine line) => new(
        RunStages.ToName(line.Stage), line.Generator, line.Setting?.Key, line.Item, line.Model, line.Requests, line.InputTokens, line.OutputTokens,
        line.Usd is decimal usd ? Math.Round(usd, 6) : null, line.Tokenizer);
}
