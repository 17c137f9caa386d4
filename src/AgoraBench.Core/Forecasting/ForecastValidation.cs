namespace AgoraBench;

/// <summary>How well a forecast did on cells it had not seen: leave-one-generator-out cross-validation of the model and of a mean-only baseline.</summary>
internal sealed class ForecastValidation
{
    internal ForecastValidation(int generators, int observations, double level, double mae, double rmse, double coverage, double meanMae, double meanRmse, double meanCoverage)
    {
        Generators = generators;
        Observations = observations;
        Level = level;
        Mae = mae;
        Rmse = rmse;
        Coverage = coverage;
        MeanMae = meanMae;
        MeanRmse = meanRmse;
        MeanCoverage = meanCoverage;
    }

    /// <summary>Gets the number of folds: each generator's cells are left out once.</summary>
    internal int Generators { get; }

    /// <summary>Gets the number of observed cells.</summary>
    internal int Observations { get; }

    /// <summary>Gets the coverage the intervals aim at.</summary>
    internal double Level { get; }

    /// <summary>Gets the model's mean absolute error on left-out generators, in PGR points.</summary>
    public double Mae { get; }

    /// <summary>Gets the model's root mean squared error on left-out generators.</summary>
    public double Rmse { get; }

    /// <summary>Gets the share of left-out cells inside their prediction interval (the interval's width learnt without that generator).</summary>
    public double Coverage { get; }

    /// <summary>Gets the mean absolute error of predicting the mean PGR of the other generators' cells.</summary>
    public double MeanMae { get; }

    /// <summary>Gets the root mean squared error of that baseline.</summary>
    public double MeanRmse { get; }

    /// <summary>Gets the coverage of that baseline's intervals, built the same way.</summary>
    internal double MeanCoverage { get; }

    /// <summary>Gets a value indicating whether the model beats the mean-only baseline on both errors.</summary>
    public bool BetterThanMean => Mae < MeanMae && Rmse < MeanRmse;
}
