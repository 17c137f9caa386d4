namespace AgoraBench;

/// <summary>The result of <see cref="PgrForecaster.Forecast"/>: predictions with intervals, and how the model was validated.</summary>
public sealed class PgrForecast
{
    internal PgrForecast()
    {
    }

    /// <summary>Gets the features PGR was regressed on.</summary>
    internal IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Gets the ridge penalty chosen by leave-one-generator-out cross-validation on all observed cells.</summary>
    internal double Penalty { get; init; }

    /// <summary>Gets the half-width of the prediction intervals of <see cref="Predictions"/>, in PGR points.</summary>
    internal double IntervalHalfWidth { get; init; }

    /// <summary>Gets the validation of the model and of the mean-only baseline.</summary>
    internal ForecastValidation Validation { get; init; } = null!;

    /// <summary>Gets the forecasts: one per cell with intrinsic metrics and no observed PGR.</summary>
    public IReadOnlyList<ForecastPrediction> Predictions { get; internal init; } = [];

    /// <summary>Gets each observed cell as predicted with its generator left out, with its interval and observed value.</summary>
    internal IReadOnlyList<ForecastPrediction> CrossValidated { get; init; } = [];

    /// <summary>Gets the number of observed cells taken from the paper's published results.</summary>
    internal int PublishedObservations { get; init; }

    /// <summary>Gets what was left out and why (cells without a feature, features dropped, …).</summary>
    internal IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets one plain sentence on whether the forecast is worth more than predicting the mean.</summary>
    public string Verdict => Validation.BetterThanMean
        ? string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"The forecast beats predicting the mean PGR on generators it has not seen (leave-one-generator-out MAE {Validation.Mae:0.0} vs {Validation.MeanMae:0.0}, RMSE {Validation.Rmse:0.0} vs {Validation.MeanRmse:0.0}).")
        : string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"The forecast is NO BETTER than predicting the mean PGR (leave-one-generator-out MAE {Validation.Mae:0.0} vs {Validation.MeanMae:0.0} for the mean, RMSE {Validation.Rmse:0.0} vs {Validation.MeanRmse:0.0}): the intrinsic metrics do not predict PGR on unseen generators here, so read each prediction as the mean with its interval.");
}
