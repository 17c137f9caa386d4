using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The generation options of a run.</summary>
internal sealed record ManifestGenerationOptionsDocument
{
    public required string PromptStyle { get; init; }

    public required string Demonstrations { get; init; }

    public required int MaxAttempts { get; init; }

    public required float Temperature { get; init; }

    [JsonPropertyName("top_p")]
    public required float TopP { get; init; }

    public required int MaxOutputTokens { get; init; }

    public decimal? BudgetUsdPerCell { get; init; }

    public required string LengthTokenizer { get; init; }
}
