using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Forecasting;

/// <summary>The forecast's JSON: the bytes match the sample the previous, hand-written writer produced (checked in under Golden/).</summary>
public sealed class ForecastJsonTests
{
    [Fact]
    public void ForecastJson_IsTheFormatThePreviousVersionWrote()
    {
        var forecast = PgrForecaster.Forecast(ForecastInput.FromPaper());
        var withPredictions = new PgrForecast
        {
            Features = forecast.Features,
            Penalty = forecast.Penalty,
            IntervalHalfWidth = forecast.IntervalHalfWidth,
            Validation = forecast.Validation,
            CrossValidated = forecast.CrossValidated,
            PublishedObservations = forecast.PublishedObservations,
            Predictions = [.. forecast.CrossValidated.Take(2).Select(p => new ForecastPrediction(p.Generator, p.Setting, p.Predicted, p.Low, p.High, observed: null))],
            Notes = ["a note with “quotes” and ü"],
        };

        GoldenFile.Verify(ForecastWriter.ToString(forecast, PgrReportFormat.Json), "Forecasting/Golden/forecast-paper.json");
        GoldenFile.Verify(ForecastWriter.ToString(withPredictions, PgrReportFormat.Json), "Forecasting/Golden/forecast-predictions.json");
    }
}
