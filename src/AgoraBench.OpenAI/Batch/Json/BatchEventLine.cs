namespace AgoraBench.OpenAI;

/// <summary>
/// A <c>batches.jsonl</c> line as read back: the fields of every event kind, those a kind does not have left
/// <see langword="null"/>; unknown kinds are skipped, so a later version's events do not stop an older reader.
/// </summary>
internal sealed record BatchEventLine
{
    public const string Submitted = "submitted";

    public const string CancelRequested = "cancel-requested";

    public const string Finished = "finished";

    public required string Event { get; init; }

    public required string Batch { get; init; }

    public int? Round { get; init; }

    public IReadOnlyList<string>? Ids { get; init; }

    public string? Status { get; init; }

    public int? Completed { get; init; }

    public int? Failed { get; init; }
}
