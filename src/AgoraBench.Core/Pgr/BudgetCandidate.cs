namespace AgoraBench;

/// <summary>What one generator's data costs, as an option for <see cref="BudgetDecision.Decide"/>.</summary>
/// <param name="Generator">The generator, as the PGR report names it (a name per instance count when a study compares several, for example <c>gpt-4o-mini@50k</c>).</param>
/// <param name="Usd">The cost of the generator's data in USD (for a run: the spend the generate stage measured for it).</param>
public sealed record BudgetCandidate(string Generator, double Usd)
{
    /// <summary>Gets the instances per setting the cost buys, or <see langword="null"/> when not stated.</summary>
    public int? Instances { get; init; }
}
