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

    /// <summary>Gets the lower bound; <see cref="double.NaN"/> when no meaningful interval exists (for example when the interval of the PGR denominator, reference − base, includes 0; the reports say why).</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound; <see cref="double.NaN"/> when no meaningful interval exists (see <see cref="Lower"/>).</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level, for example 0.95.</summary>
    internal double Confidence { get; }

    /// <summary>Gets the number of resamples drawn.</summary>
    internal int Rounds { get; }

    /// <summary>Gets the number of resamples on which the statistic was undefined and which were left out.</summary>
    internal int SkippedRounds { get; }

    /// <summary>
    /// Gets why no interval is given, for example that the interval of the PGR denominator (reference − base) includes
    /// 0, so the ratio can take any value; <see langword="null"/> when the interval is meaningful.
    /// </summary>
    internal string? Problem { get; init; }

    /// <summary>Gets a value indicating whether the bounds are meaningful (<see cref="Problem"/> is <see langword="null"/> and both bounds are finite).</summary>
    internal bool IsDefined => Problem is null && double.IsFinite(Lower) && double.IsFinite(Upper);

    /// <summary>Gets the width of the interval, or <see cref="double.NaN"/> when it is not defined.</summary>
    internal double Width => IsDefined ? Upper - Lower : double.NaN;

    /// <summary>Creates an interval that is not defined, with the reason.</summary>
    internal static ConfidenceInterval Undefined(double estimate, double confidence, int rounds, string problem) =>
        new(estimate, double.NaN, double.NaN, confidence, rounds, 0) { Problem = problem };
}
