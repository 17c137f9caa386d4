namespace AgoraBench;

/// <summary>A paired comparison of two generators' overall PGR over the same bootstrap resamples of the problems.</summary>
internal sealed class GeneratorComparison
{
    internal GeneratorComparison(string generator, string other, ConfidenceInterval difference, double probabilityBetter)
    {
        Generator = generator;
        Other = other;
        Difference = difference;
        ProbabilityBetter = probabilityBetter;
    }

    /// <summary>Gets the first generator (A).</summary>
    public string Generator { get; }

    /// <summary>Gets the second generator (B).</summary>
    public string Other { get; }

    /// <summary>Gets the interval of A's overall PGR minus B's.</summary>
    public ConfidenceInterval Difference { get; }

    /// <summary>Gets the share of resamples in which A's overall PGR is above B's (ties count half).</summary>
    public double ProbabilityBetter { get; }

    /// <summary>Gets a value indicating whether A's lead holds at the interval's level: the whole difference interval lies above 0.</summary>
    public bool IsSignificantlyBetter => Difference.IsDefined && Difference.Lower > 0;
}
