namespace AgoraBench.OpenAI;

/// <summary>
/// The <c>batches.jsonl</c> line written when a batch's results are collected. A batch without an output or error file
/// keeps the field as <c>null</c> (the files written so far have it).
/// </summary>
internal sealed record BatchFinishedEvent
{
    public string Event { get; } = BatchEventLine.Finished;

    public required string Batch { get; init; }

    public required string Status { get; init; }

    public required int Completed { get; init; }

    public required int Failed { get; init; }

    public required string? Output { get; init; }

    public required string? Errors { get; init; }

    /// <summary>When it was written, round-trip ("O") text.</summary>
    public required string At { get; init; }
}
