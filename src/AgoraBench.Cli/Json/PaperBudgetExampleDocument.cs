using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>
/// The worked Fig. 7 budget example: the assumed tokens, each option's cost and published PGR, and one decision per
/// domain. The decisions are the library's budget-decision documents as it writes them
/// (through <see cref="AgoraBenchReports"/>), kept as they are.
/// </summary>
internal sealed record PaperBudgetExampleDocument
{
    [JsonPropertyName("budget_usd")]
    public required double BudgetUsd { get; init; }

    [JsonPropertyName("assumed_input_tokens_per_instance")]
    public required double AssumedInputTokensPerInstance { get; init; }

    [JsonPropertyName("assumed_output_tokens_per_instance")]
    public required double AssumedOutputTokensPerInstance { get; init; }

    public required IReadOnlyList<PaperBudgetOptionDocument> Options { get; init; }

    public required IReadOnlyList<JsonElement> Decisions { get; init; }
}
