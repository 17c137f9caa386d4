using System.Globalization;

namespace AgoraBench;

/// <summary>
/// The one-line verdict of a leaderboard with intervals: a winner is named only when the leader's overall PGR is above
/// every other generator's with the whole paired difference interval above 0; otherwise the generators whose gap to the
/// leader is not significant are named as statistically tied.
/// </summary>
internal static class PgrHeadline
{
    public static string? Of(PgrReport report)
    {
        if (report.Confidence is not double level || report.Generators.Count == 0)
        {
            return null;
        }

        string at = ConfidenceLevels.Text(level);
        var leader = report.Generators[0];
        if (leader.OverallInterval is not { IsDefined: true })
        {
            return $"No verdict at {at}: {leader.Generator}'s overall PGR has no interval ({leader.OverallInterval?.Problem ?? "no per-problem outcomes"}).";
        }

        if (report.Generators.Count == 1)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Only {leader.Generator} was measured: overall PGR {leader.Overall:0.0} ({at} interval {leader.OverallInterval.Lower:0.0} to {leader.OverallInterval.Upper:0.0}).");
        }

        var others = report.Generators.Skip(1).ToArray();
        var comparisons = others.Select(o => (Other: o, Comparison: report.Compare(leader.Generator, o.Generator))).ToArray();
        if (comparisons.All(c => c.Comparison is { IsSignificantlyBetter: true }))
        {
            var closest = comparisons.MinBy(c => c.Comparison!.Difference.Lower);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"{leader.Generator} is the best generator at {at} confidence: overall PGR {leader.Overall:0.0}, ahead of the runner-up {closest.Other.Generator} by {closest.Comparison!.Difference.Estimate:0.0} ({at} interval of the lead {closest.Comparison.Difference.Lower:0.0} to {closest.Comparison.Difference.Upper:0.0}; P(better) {closest.Comparison.ProbabilityBetter:0.00}).");
        }

        var tied = new[] { leader.Generator }.Concat(comparisons.Where(c => c.Comparison is not { IsSignificantlyBetter: true }).Select(c => c.Other.Generator)).ToArray();
        return $"No single winner at {at} confidence: {Join(tied)} are statistically tied for first (the leader's lead over each of the others is not significant).";
    }

    private static string Join(string[] names) =>
        names.Length <= 2 ? string.Join(" and ", names) : string.Join(", ", names.Take(names.Length - 1)) + " and " + names[^1];
}
