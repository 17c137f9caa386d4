using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One line of a response cache: the request's key and the outcome it got (parsed pair, rejection, completion, usage).</summary>
internal sealed record GenerationCacheLine
{
    public required string Key { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Instruction { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Response { get; init; }

    public string? Reason { get; init; }

    public string? Detail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }

    public required long InputTokens { get; init; }

    public required long OutputTokens { get; init; }

    public required string Completion { get; init; }

    public static GenerationCacheLine From(string key, GenerationOutcome outcome) => new()
    {
        Key = key,
        Instruction = outcome.Instruction,
        Response = outcome.Response,
        Reason = outcome.Rejection?.Code,
        Detail = outcome.Rejection?.Message,
        FinishReason = outcome.FinishReason,
        InputTokens = outcome.InputTokens,
        OutputTokens = outcome.OutputTokens,
        Completion = outcome.Completion,
    };

    public GenerationOutcome ToOutcome() => new(
        Instruction,
        Response,
        Reason is null ? null : new GenerationRejection(Reason, Detail ?? string.Empty),
        Completion,
        FinishReason,
        InputTokens,
        OutputTokens);
}
