namespace AgoraBench;

/// <summary>What one generator's data costs, as an option for <see cref="BudgetDecision.Decide"/> (an input: the decision reads it).</summary>
public sealed class BudgetCandidate
{
    /// <summary>Initializes a new instance of the <see cref="BudgetCandidate"/> class.</summary>
    /// <param name="generator">The generator, as the PGR report names it (a name per instance count when a study compares several, for example <c>gpt-4o-mini@50k</c>).</param>
    /// <param name="usd">The cost of the generator's data in USD (for a run: the spend the generate stage measured for it).</param>
    /// <param name="instances">The instances per setting the cost buys, or <see langword="null"/> when not stated (shown next to the choice).</param>
    public BudgetCandidate(string generator, double usd, int? instances = null)
    {
        Generator = generator;
        Usd = usd;
        Instances = instances;
    }

    /// <summary>Gets the generator, as the PGR report names it (a name per instance count when a study compares several, for example <c>gpt-4o-mini@50k</c>).</summary>
    internal string Generator { get; }

    /// <summary>Gets the cost of the generator's data in USD (for a run: the spend the generate stage measured for it).</summary>
    internal double Usd { get; }

    /// <summary>Gets the instances per setting the cost buys, or <see langword="null"/> when not stated.</summary>
    internal int? Instances { get; init; }
}
