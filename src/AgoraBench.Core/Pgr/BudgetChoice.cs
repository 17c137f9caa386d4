namespace AgoraBench;

/// <summary>One generator in a <see cref="BudgetDecision"/>: its cost, its PGR in the decision's scope and whether the budget covers it.</summary>
internal sealed class BudgetChoice
{
    internal BudgetChoice(string generator, int? instances, double usd, double pgr, ConfidenceInterval? interval, bool affordable)
    {
        Generator = generator;
        Instances = instances;
        Usd = usd;
        Pgr = pgr;
        Interval = interval;
        Affordable = affordable;
    }

    /// <summary>Gets the generator.</summary>
    public string Generator { get; }

    /// <summary>Gets the instances per setting its cost buys, or <see langword="null"/>.</summary>
    public int? Instances { get; }

    /// <summary>Gets its cost in USD.</summary>
    public double Usd { get; }

    /// <summary>Gets its PGR in the decision's scope (overall, or one domain's average).</summary>
    public double Pgr { get; }

    /// <summary>Gets the bootstrap interval of <see cref="Pgr"/>, or <see langword="null"/>.</summary>
    public ConfidenceInterval? Interval { get; }

    /// <summary>Gets a value indicating whether <see cref="Usd"/> is within the budget.</summary>
    public bool Affordable { get; }
}
