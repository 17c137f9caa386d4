namespace AgoraBench;

/// <summary>One generator in a <see cref="BudgetDecision"/>: its cost, its PGR in the decision's scope and whether the budget covers it.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Instances">The instances per setting its cost buys, or <see langword="null"/>.</param>
/// <param name="Usd">Its cost in USD.</param>
/// <param name="Pgr">Its PGR in the decision's scope (overall, or one domain's average).</param>
/// <param name="Interval">The bootstrap interval of <paramref name="Pgr"/>, or <see langword="null"/>.</param>
/// <param name="Affordable">Whether <paramref name="Usd"/> is within the budget.</param>
public sealed record BudgetChoice(string Generator, int? Instances, double Usd, double Pgr, ConfidenceInterval? Interval, bool Affordable);
