namespace AgoraBench.OpenAI;

/// <summary>The <c>batches.jsonl</c> line written when the API was asked to cancel a batch.</summary>
internal sealed record BatchCancelRequestedEvent
{
    public string Event { get; } = BatchEventLine.CancelRequested;

    public required string Batch { get; init; }

    /// <summary>When it was written, round-trip ("O") text.</summary>
    public required string At { get; init; }
}
