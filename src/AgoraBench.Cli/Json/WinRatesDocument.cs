namespace AgoraBench.Cli;

/// <summary><c>agorabench winrate</c>'s file: the length-control method and each model's win rates.</summary>
internal sealed record WinRatesDocument
{
    public required string Method { get; init; }

    public required IReadOnlyList<WinRateDocument> Models { get; init; }
}
