namespace AgoraBench;

/// <summary>One forecast cell as JSON; <c>observed</c> only for a cell that was measured.</summary>
internal sealed record ForecastPredictionDocument
{
    public required string Generator { get; init; }

    public required string Setting { get; init; }

    public required double Predicted { get; init; }

    public required double Low { get; init; }

    public required double High { get; init; }

    public double? Observed { get; init; }

    public static ForecastPredictionDocument From(ForecastPrediction p) => new()
    {
        Generator = p.Generator,
        Setting = p.Setting.Key,
        Predicted = p.Predicted,
        Low = p.Low,
        High = p.High,
        Observed = p.Observed,
    };
}
