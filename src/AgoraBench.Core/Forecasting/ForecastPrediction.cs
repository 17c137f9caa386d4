namespace AgoraBench;

/// <summary>A predicted PGR for one generator in one setting, with its prediction interval.</summary>
public sealed class ForecastPrediction
{
    internal ForecastPrediction(string generator, AgoraBenchSetting setting, double predicted, double low, double high, double? observed)
    {
        Generator = generator;
        Setting = setting;
        Predicted = predicted;
        Low = low;
        High = high;
        Observed = observed;
    }

    /// <summary>Gets the generator.</summary>
    public string Generator { get; }

    /// <summary>Gets the setting.</summary>
    public AgoraBenchSetting Setting { get; }

    /// <summary>Gets the predicted PGR in percent.</summary>
    public double Predicted { get; }

    /// <summary>Gets the lower end of the prediction interval.</summary>
    public double Low { get; }

    /// <summary>Gets the upper end of the prediction interval.</summary>
    public double High { get; }

    /// <summary>Gets the observed PGR, for a cell predicted while left out of the fit (cross-validation); <see langword="null"/> for a forecast.</summary>
    internal double? Observed { get; }
}
