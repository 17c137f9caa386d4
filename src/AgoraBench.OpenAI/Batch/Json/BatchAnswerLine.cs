namespace AgoraBench.OpenAI;

/// <summary>A <c>results.jsonl</c> line: one collected answer, replayed when the same request is asked again.</summary>
internal sealed record BatchAnswerLine
{
    public required string CustomId { get; init; }

    public required string Text { get; init; }

    public required string? FinishReason { get; init; }

    public required string? Model { get; init; }

    public required long InputTokens { get; init; }

    public required long OutputTokens { get; init; }
}
