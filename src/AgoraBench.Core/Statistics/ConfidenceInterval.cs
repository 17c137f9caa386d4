namespace AgoraBench;

/// <summary>A point estimate with a bootstrap confidence interval (a result the library computes; read-only).</summary>
public sealed class ConfidenceInterval
{
    internal ConfidenceInterval(double estimate, double lower, double upper, double confidence, int rounds, int skippedRounds)
    {
        Estimate = estimate;
        Lower = lower;
        Upper = upper;
        Confidence = confidence;
        Rounds = rounds;
        SkippedRounds = skippedRounds;
    }

    /// <summary>Gets the statistic on the full data.</summary>
    public double Estimate { get; }

    /// <summary>Gets the lower bound; <see cref="double.NaN"/> when <see cref="Problem"/> is set.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound; <see cref="double.NaN"/> when <see cref="Problem"/> is set.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level, for example 0.95.</summary>
    public double Confidence { get; }

    /// <summary>Gets the number of resamples drawn.</summary>
    public int Rounds { get; }

    /// <summary>Gets the number of resamples on which the statistic was undefined and which were left out.</summary>
    public int SkippedRounds { get; }

    /// <summary>
    /// Gets why no interval is given, for example that the interval of the PGR denominator (reference − base) includes
    /// 0, so the ratio can take any value; <see langword="null"/> when the interval is meaningful.
    /// </summary>
    public string? Problem { get; internal init; }

    /// <summary>Gets a value indicating whether the bounds are meaningful (<see cref="Problem"/> is <see langword="null"/> and both bounds are finite).</summary>
    public bool IsDefined => Problem is null && double.IsFinite(Lower) && double.IsFinite(Upper);

    /// <summary>Gets the width of the interval, or <see cref="double.NaN"/> when it is not defined.</summary>
    public double Width => IsDefined ? Upper - Lower : double.NaN;

    /// <summary>Creates an interval that is not defined, with the reason.</summary>
    internal static ConfidenceInterval Undefined(double estimate, double confidence, int rounds, string problem) =>
        new(estimate, double.NaN, double.NaN, confidence, rounds, 0) { Problem = problem };
}
