namespace AgoraBench;

/// <summary>A point estimate with a bootstrap confidence interval.</summary>
/// <param name="Estimate">The statistic on the full data.</param>
/// <param name="Lower">The lower bound.</param>
/// <param name="Upper">The upper bound.</param>
/// <param name="Confidence">The confidence level, for example 0.95.</param>
/// <param name="Rounds">The number of resamples drawn.</param>
/// <param name="SkippedRounds">Resamples on which the statistic was undefined and which were left out.</param>
public sealed record ConfidenceInterval(double Estimate, double Lower, double Upper, double Confidence, int Rounds, int SkippedRounds);
