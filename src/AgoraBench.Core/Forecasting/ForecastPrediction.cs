namespace AgoraBench;

/// <summary>A predicted PGR for one generator in one setting, with its prediction interval.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Setting">The setting.</param>
/// <param name="Predicted">The predicted PGR in percent.</param>
/// <param name="Low">The lower end of the prediction interval.</param>
/// <param name="High">The upper end of the prediction interval.</param>
/// <param name="Observed">The observed PGR, for a cell predicted while left out of the fit (cross-validation); <see langword="null"/> for a forecast.</param>
public sealed record ForecastPrediction(string Generator, AgoraBenchSetting Setting, double Predicted, double Low, double High, double? Observed);
