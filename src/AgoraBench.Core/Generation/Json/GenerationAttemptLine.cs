using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// One line of a cell's attempt log (<c>data.jsonl.attempts.jsonl</c>): the item and attempt, whether the completion
/// was accepted, the rejection when it was not, and the completion with its usage.
/// </summary>
internal sealed record GenerationAttemptLine
{
    public required string Item { get; init; }

    public required int Attempt { get; init; }

    public bool Accepted { get; init; }

    public string? Reason { get; init; }

    public string? Detail { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? FinishReason { get; init; }

    public long InputTokens { get; init; }

    public long OutputTokens { get; init; }

    public string Completion { get; init; } = string.Empty;

    public static GenerationAttemptLine From(string item, int attempt, GenerationOutcome outcome) => new()
    {
        Item = item,
        Attempt = attempt,
        Accepted = outcome.Accepted,
        Reason = outcome.Rejection?.Code,
        Detail = outcome.Rejection?.Message,
        FinishReason = outcome.FinishReason,
        InputTokens = outcome.InputTokens,
        OutputTokens = outcome.OutputTokens,
        Completion = outcome.Completion,
    };
}
