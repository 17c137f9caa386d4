using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A forecast as JSON: the model, its validation next to its predictions (no prediction travels without its error), the cross-validated cells and the notes.</summary>
internal sealed record ForecastDocument
{
    public string Model { get; init; } = "ridge";

    public required IReadOnlyList<string> Features { get; init; }

    public required double Penalty { get; init; }

    [JsonPropertyName("interval_half_width")]
    public required double IntervalHalfWidth { get; init; }

    public required ForecastValidationDocument Validation { get; init; }

    public required IReadOnlyList<ForecastPredictionDocument> Predictions { get; init; }

    [JsonPropertyName("cross_validated")]
    public required IReadOnlyList<ForecastPredictionDocument> CrossValidated { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public static ForecastDocument From(PgrForecast forecast)
    {
        var v = forecast.Validation;
        return new()
        {
            Features = forecast.Features,
            Penalty = forecast.Penalty,
            IntervalHalfWidth = forecast.IntervalHalfWidth,
            Validation = new ForecastValidationDocument
            {
                Generators = v.Generators,
                Observations = v.Observations,
                PublishedObservations = forecast.PublishedObservations,
                Level = v.Level,
                Mae = v.Mae,
                Rmse = v.Rmse,
                Coverage = v.Coverage,
                MeanBaseline = new ForecastBaselineDocument { Mae = v.MeanMae, Rmse = v.MeanRmse, Coverage = v.MeanCoverage },
                BetterThanMean = v.BetterThanMean,
                Verdict = forecast.Verdict,
            },
            Predictions = [.. forecast.Predictions.Select(ForecastPredictionDocument.From)],
            CrossValidated = [.. forecast.CrossValidated.Select(ForecastPredictionDocument.From)],
            Notes = forecast.Notes,
        };
    }
}
