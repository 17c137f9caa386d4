namespace AgoraBench.OpenAI;

/// <summary>The <c>batches.jsonl</c> line written when a batch is created: its uploaded file, round and the custom ids it carries.</summary>
internal sealed record BatchSubmittedEvent
{
    public string Event { get; } = BatchEventLine.Submitted;

    public required string Batch { get; init; }

    public required string File { get; init; }

    public required int Round { get; init; }

    public required IReadOnlyList<string> Ids { get; init; }

    /// <summary>When it was written, round-trip ("O") text.</summary>
    public required string At { get; init; }
}
