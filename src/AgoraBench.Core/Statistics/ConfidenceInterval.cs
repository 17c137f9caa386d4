namespace AgoraBench;

/// <summary>A point estimate with a bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on the full data.</param>
/// <param name="Lower">The lower bound; <see cref="double.NaN"/> when <see cref="Problem"/> is set.</param>
/// <param name="Upper">The upper bound; <see cref="double.NaN"/> when <see cref="Problem"/> is set.</param>
/// <param name="Confidence">The confidence level, for example 0.95.</param>
/// <param name="Rounds">The number of resamples drawn.</param>
/// <param name="SkippedRounds">Resamples on which the statistic was undefined and which were left out.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Confidence, int Rounds, int SkippedRounds)
{
    /// <summary>
    /// Gets why no interval is given, for example that the interval of the PGR denominator (reference − base) includes
    /// 0, so the ratio can take any value; <see langword="null"/> when the interval is meaningful.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>Gets a value indicating whether the bounds are meaningful (<see cref="Problem"/> is <see langword="null"/> and both bounds are finite).</summary>
    public bool IsDefined => Problem is null && double.IsFinite(Lower) && double.IsFinite(Upper);

    /// <summary>Gets the width of the interval, or <see cref="double.NaN"/> when it is not defined.</summary>
    public double Width => IsDefined ? Upper - Lower : double.NaN;

    /// <summary>Creates an interval that is not defined, with the reason.</summary>
    /// <param name="estimate">The point estimate.</param>
    /// <param name="confidence">The confidence level.</param>
    /// <param name="rounds">The resamples drawn.</param>
    /// <param name="problem">Why no interval is given.</param>
    /// <returns>The interval, with NaN bounds.</returns>
    public static ConfidenceInterval Undefined(double estimate, double confidence, int rounds, string problem) =>
        new(estimate, double.NaN, double.NaN, confidence, rounds, 0) { Problem = problem };
}
