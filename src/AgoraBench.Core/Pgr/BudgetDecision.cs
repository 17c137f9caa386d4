using System.Globalization;

namespace AgoraBench;

/// <summary>
/// Which generator gives the most PGR within a budget, and how sure that is: among the generators whose data costs
/// no more than the budget, the one with the highest PGR, and the bootstrap probability that it beats the next
/// affordable one (the share of paired resamples in which its PGR is higher).
/// </summary>
public sealed class BudgetDecision
{
    internal BudgetDecision()
    {
    }

    /// <summary>Gets the budget in USD.</summary>
    internal double BudgetUsd { get; init; }

    /// <summary>Gets the scope of the PGR compared: <see langword="null"/> for the overall score, otherwise one domain's average.</summary>
    internal BenchmarkDomain? Domain { get; init; }

    /// <summary>Gets every generator with a cost and a PGR, affordable ones first, each group by PGR, highest first.</summary>
    internal IReadOnlyList<BudgetChoice> Choices { get; init; } = [];

    /// <summary>Gets the generator to buy: the affordable one with the highest PGR, or <see langword="null"/> when the budget covers none.</summary>
    public string? Generator => Best?.Generator;

    /// <summary>Gets the affordable generator with the highest PGR, or <see langword="null"/> when the budget covers none.</summary>
    internal BudgetChoice? Best { get; init; }

    /// <summary>Gets the next affordable generator, or <see langword="null"/> when there is no other.</summary>
    internal BudgetChoice? RunnerUp { get; init; }

    /// <summary>
    /// Gets the probability, over the paired bootstrap resamples, that <see cref="Best"/>'s PGR is above
    /// <see cref="RunnerUp"/>'s (ties count half), or <see langword="null"/> when there are no resamples (no per-problem
    /// outcomes) or no runner-up.
    /// </summary>
    internal double? ProbabilityBestIsBetter { get; init; }

    /// <summary>Gets the interval of <see cref="Best"/>'s PGR minus <see cref="RunnerUp"/>'s at the report's level, or <see langword="null"/>.</summary>
    internal ConfidenceInterval? Difference { get; init; }

    /// <summary>Gets a value indicating whether the lead over the runner-up holds at the report's level (its difference interval lies above 0).</summary>
    internal bool IsSignificant => Difference is { IsDefined: true } d && d.Lower > 0;

    /// <summary>Gets what was left out and why (a generator without a cost, a cost without a PGR).</summary>
    internal IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Gets the decision in one sentence.</summary>
    public string Summary
    {
        get
        {
            string scope = Domain is { } d ? AgoraBenchNames.ToName(d) + " PGR" : "overall PGR";
            string budget = "USD " + Usd(BudgetUsd);
            if (Best is not { } best)
            {
                var cheapest = Choices.OrderBy(c => c.Usd).FirstOrDefault();
                return cheapest is null
                    ? $"Within {budget}: no generator has both a cost and a PGR."
                    : $"Within {budget}: no generator is affordable; the cheapest, {cheapest.Generator}, costs USD {Usd(cheapest.Usd)}.";
            }

            string head = $"Within {budget}, {Describe(best)} gives the most {scope}: {N(best.Pgr, 1)}{Bounds(best.Interval)} for USD {Usd(best.Usd)}";
            if (RunnerUp is not { } next)
            {
                return head + "; it is the only affordable generator.";
            }

            string versus = $"the next affordable, {Describe(next)} ({N(next.Pgr, 1)} for USD {Usd(next.Usd)})";
            if (ProbabilityBestIsBetter is not double p)
            {
                return head + $"; ahead of {versus}, with no paired resamples of both to say how sure (no per-problem outcomes, or an interval that is undefined).";
            }

            string level = Difference is { } diff ? (diff.Confidence * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "the chosen level";
            return IsSignificant
                ? head + $"; it beats {versus} with probability {N(p, 3)}, and the lead holds at {level}."
                : head + $"; it beats {versus} with probability {N(p, 3)} only, so the two are statistically tied at {level}.";
        }
    }

    /// <summary>Decides which generator to buy data from within a budget.</summary>
    /// <param name="report">The PGR report (with intervals and resamples when it was computed from per-problem outcomes).</param>
    /// <param name="candidates">What each generator's data costs.</param>
    /// <param name="budgetUsd">The budget in USD.</param>
    /// <param name="domain">The domain whose average PGR is compared, or <see langword="null"/> for the overall score.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budgetUsd"/> is not a positive number, or a cost is negative or not finite.</exception>
    public static BudgetDecision Decide(PgrReport report, IEnumerable<BudgetCandidate> candidates, double budgetUsd, BenchmarkDomain? domain = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(candidates);
        if (!(budgetUsd > 0) || double.IsInfinity(budgetUsd))
        {
            throw new ArgumentOutOfRangeException(nameof(budgetUsd), budgetUsd, "The budget must be a positive number of USD.");
        }

        var notes = new List<string>();
        var costs = new Dictionary<string, BudgetCandidate>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            ArgumentNullException.ThrowIfNull(candidate, nameof(candidates));
            if (!(candidate.Usd >= 0) || double.IsInfinity(candidate.Usd))
            {
                throw new ArgumentOutOfRangeException(nameof(candidates), candidate.Usd, $"The cost of {candidate.Generator} must be a non-negative number of USD.");
            }

            costs[candidate.Generator] = candidate;
        }

        var choices = new List<(BudgetChoice Choice, double[]? Replicates)>();
        foreach (var generator in report.Generators)
        {
            if (!costs.Remove(generator.Generator, out var cost))
            {
                notes.Add($"{generator.Generator} has no cost and is left out.");
                continue;
            }

            double pgr;
            ConfidenceInterval? interval;
            string key;
            if (domain is { } d)
            {
                if (!generator.DomainAverages.TryGetValue(d, out pgr))
                {
                    notes.Add($"{generator.Generator} has no {AgoraBenchNames.ToName(d)} cell and is left out.");
                    continue;
                }

                interval = generator.DomainIntervals.GetValueOrDefault(d);
                key = "domain:" + AgoraBenchNames.ToName(d);
            }
            else
            {
                pgr = generator.Overall;
                interval = generator.OverallInterval;
                key = "overall";
            }

            choices.Add((new BudgetChoice(generator.Generator, cost.Instances, cost.Usd, pgr, interval, cost.Usd <= budgetUsd), generator.Replicates.GetValueOrDefault(key)));
        }

        notes.AddRange(costs.Keys.Order(StringComparer.Ordinal).Select(g => $"{g} has a cost but no PGR and is left out."));
        var ordered = choices.OrderByDescending(c => c.Choice.Affordable).ThenByDescending(c => c.Choice.Pgr).ThenBy(c => c.Choice.Usd).ToArray();
        var affordable = ordered.Where(c => c.Choice.Affordable).ToArray();
        double? probability = null;
        ConfidenceInterval? difference = null;
        if (affordable.Length > 1 && affordable[0].Replicates is { } a && affordable[1].Replicates is { } b && a.Length == b.Length)
        {
            double better = 0;
            var differences = new List<double>();
            for (int r = 0; r < a.Length; r++)
            {
                double delta = a[r] - b[r];
                if (double.IsFinite(delta))
                {
                    differences.Add(delta);
                    better += delta > 0 ? 1 : delta == 0 ? 0.5 : 0;
                }
            }

            if (differences.Count > 0)
            {
                probability = better / differences.Count;
                double level = report.Confidence ?? 0.95;
                differences.Sort();
                double alpha = (1 - level) / 2;
                difference = new ConfidenceInterval(affordable[0].Choice.Pgr - affordable[1].Choice.Pgr, Quantiles.Interpolated(differences, alpha), Quantiles.Interpolated(differences, 1 - alpha), level, a.Length, a.Length - differences.Count);
            }
        }

        return new BudgetDecision
        {
            BudgetUsd = budgetUsd,
            Domain = domain,
            Choices = [.. ordered.Select(c => c.Choice)],
            Best = affordable.Length > 0 ? affordable[0].Choice : null,
            RunnerUp = affordable.Length > 1 ? affordable[1].Choice : null,
            ProbabilityBestIsBetter = probability,
            Difference = difference,
            Notes = notes,
        };
    }

    private static string Describe(BudgetChoice choice) =>
        choice.Instances is int n ? $"{choice.Generator} ({n.ToString("N0", CultureInfo.InvariantCulture)} instances per setting)" : choice.Generator;

    private static string Bounds(ConfidenceInterval? interval) =>
        interval is { IsDefined: true } i ? $" [{N(i.Lower, 1)}, {N(i.Upper, 1)}]" : string.Empty;

    /// <summary>Dollars with cents, and with up to six decimals below one dollar (a small study's data can cost a fraction of a cent).</summary>
    private static string Usd(double value) => value >= 1 || value == 0 ? N(value) : value.ToString("0.00####", CultureInfo.InvariantCulture);

    private static string N(double value, int decimals = 2) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
