namespace AgoraBench;

/// <summary>A paired comparison of two generators' overall PGR over the same bootstrap resamples of the problems.</summary>
/// <param name="Generator">The first generator (A).</param>
/// <param name="Other">The second generator (B).</param>
/// <param name="Difference">The interval of A's overall PGR minus B's.</param>
/// <param name="ProbabilityBetter">The share of resamples in which A's overall PGR is above B's (ties count half).</param>
public sealed record GeneratorComparison(string Generator, string Other, ConfidenceInterval Difference, double ProbabilityBetter)
{
    /// <summary>Gets a value indicating whether A's lead holds at the interval's level: the whole difference interval lies above 0.</summary>
    public bool IsSignificantlyBetter => Difference.IsDefined && Difference.Lower > 0;
}
