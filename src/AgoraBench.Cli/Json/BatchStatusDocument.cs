namespace AgoraBench.Cli;

/// <summary>One batch in <c>batch status --json</c> (and <c>batch cancel --json</c>): its state folder (relative to <c>--run</c>), status and request counts.</summary>
internal sealed record BatchStatusDocument
{
    public required string State { get; init; }

    public required string Batch { get; init; }

    public required int Round { get; init; }

    public required string Status { get; init; }

    public required int Requests { get; init; }

    public required int Completed { get; init; }

    public required int Failed { get; init; }

    public required bool Collected { get; init; }
}
