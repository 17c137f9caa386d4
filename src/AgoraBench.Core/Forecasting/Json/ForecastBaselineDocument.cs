namespace AgoraBench;

/// <summary>The errors and coverage of predicting the mean PGR of the other generators' cells.</summary>
internal sealed record ForecastBaselineDocument
{
    public required double Mae { get; init; }

    public required double Rmse { get; init; }

    public required double Coverage { get; init; }
}
