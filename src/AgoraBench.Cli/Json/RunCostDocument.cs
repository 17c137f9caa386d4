using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>What one stage (and cell) of a run cost.</summary>
internal sealed record RunCostDocument
{
    public required string Stage { get; init; }

    public required string? Generator { get; init; }

    public required string? Setting { get; init; }

    public required long Requests { get; init; }

    [JsonPropertyName("input_tokens")]
    public required long InputTokens { get; init; }

    [JsonPropertyName("output_tokens")]
    public required long OutputTokens { get; init; }

    public required decimal? Usd { get; init; }

    public static RunCostDocument From(RunCost cost) => new()
    {
        Stage = RunStages.ToName(cost.Stage),
        Generator = cost.Generator,
        Setting = cost.Setting?.Key,
        Requests = cost.Requests,
        InputTokens = cost.InputTokens,
        OutputTokens = cost.OutputTokens,
        Usd = cost.Usd,
    };
}
