namespace AgoraBench;

/// <summary>How well a forecast did on cells it had not seen: leave-one-generator-out cross-validation of the model and of a mean-only baseline.</summary>
/// <param name="Generators">The number of folds: each generator's cells are left out once.</param>
/// <param name="Observations">The number of observed cells.</param>
/// <param name="Level">The coverage the intervals aim at.</param>
/// <param name="Mae">The model's mean absolute error on left-out generators, in PGR points.</param>
/// <param name="Rmse">The model's root mean squared error on left-out generators.</param>
/// <param name="Coverage">The share of left-out cells inside their prediction interval (the interval's width learnt without that generator).</param>
/// <param name="MeanMae">The mean absolute error of predicting the mean PGR of the other generators' cells.</param>
/// <param name="MeanRmse">The root mean squared error of that baseline.</param>
/// <param name="MeanCoverage">The coverage of that baseline's intervals, built the same way.</param>
public sealed record ForecastValidation(
    int Generators,
    int Observations,
    double Level,
    double Mae,
    double Rmse,
    double Coverage,
    double MeanMae,
    double MeanRmse,
    double MeanCoverage)
{
    /// <summary>Gets a value indicating whether the model beats the mean-only baseline on both errors.</summary>
    public bool BetterThanMean => Mae < MeanMae && Rmse < MeanRmse;
}
