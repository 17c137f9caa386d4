using System.Globalization;

namespace AgoraBench;

/// <summary>Turns an analysis into short, computed statements of its key findings.</summary>
internal static class AnalysisFindings
{
    /// <summary>Describes the key findings of an analysis in plain sentences; every number is taken from the analysis.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>One sentence per finding.</returns>
    public static IReadOnlyList<string> Describe(AgoraBenchAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var findings = new List<string>();
        if (analysis.Leaderboard.Generators.Count == 0)
        {
            findings.Add("No generator has a PGR yet: no student has its student, base and reference scores on a benchmark.");
            return findings;
        }

        var leaderboard = analysis.Leaderboard;
        var best = leaderboard.Generators[0];
        string summary = $"{best.Generator} (overall PGR {N(best.Overall, 1)} over {Count(best.Cells.Count, "setting")})";

        // With intervals, "best" is said only of a lead that holds at the level (as the report's verdict does).
        bool clear = leaderboard.Confidence is null
            || (best.OverallInterval is { IsDefined: true }
                && leaderboard.Generators.Skip(1).All(o => leaderboard.Compare(best.Generator, o.Generator) is { IsSignificantlyBetter: true }));
        findings.Add(clear
            ? $"Best data generator: {summary}."
            : $"Highest overall PGR: {summary}, but not a significant winner at {ConfidenceLevels.Text(leaderboard.Confidence!.Value)} confidence (see the verdict).");

        if (analysis.Coarse is { } coarse)
        {
            string verdict = coarse.Regression.RSquared < 0.1 || coarse.Regression.PValue > 0.05
                ? "does not reliably predict"
                : "predicts";
            string fine = analysis.Fine is { } f
                ? $"; per setting R² = {N(f.Regression.RSquared, 3)} ({Pe(f.Regression.PValue)}, n = {f.Regression.N})"
                : string.Empty;
            findings.Add($"Problem-solving ability {verdict} data-generation ability: across generators R² = {N(coarse.Regression.RSquared, 3)} ({Pe(coarse.Regression.PValue)}, n = {coarse.Regression.N}){fine}.");
        }

        if (analysis.Pca is { } pca && analysis.PcRegression is { } pcr)
        {
            double explained = pca.ExplainedVarianceRatio.Take(pcr.Components).Sum();
            findings.Add(
                $"The first {pcr.Components} principal components of the {pca.Features.Count} intrinsic features explain {N(100 * explained, 1)}% of their variance; "
                + $"regressing PGR on them gives R² = {N(pcr.Regression.RSquared, 3)} (F-test {Pe(pcr.Regression.PValue)}; predicted vs actual {Pe(pcr.PredictionPValue)}).");
            var top = pca.FeatureContributions(pcr.Components).Take(3).Select(c => c.Feature);
            findings.Add($"Features that weigh most in those components: {string.Join(", ", top)}.");
        }

        if (analysis.Costs.Count > 0)
        {
            var efficient = analysis.Costs.MaxBy(c => c.PgrPerUsd)!;
            var bestCost = analysis.Costs.FirstOrDefault(c => c.Generator == best.Generator);
            string comparison = bestCost is not null && bestCost != efficient && bestCost.PgrPerUsd > 0
                ? $", {N(efficient.PgrPerUsd / bestCost.PgrPerUsd, 1)}× as much as {best.Generator}"
                : string.Empty;
            findings.Add($"Most PGR per dollar: {efficient.Generator} ({N(efficient.PgrPerUsd, 3)} PGR points per USD of study cost{comparison}).");
        }

        if (analysis.Budget.Count > 0)
        {
            var pick = analysis.Budget[0];
            findings.Add($"With USD {N(analysis.Options.BudgetUsdPerSetting ?? 0, 2)} per setting, {pick.Generator} is expected to buy the most: {pick.Instances:N0} instances, PGR {N(pick.PredictedPgr, 1)} ({pick.Basis}).");
        }

        if (analysis.BudgetDecision is { } decision)
        {
            findings.Add("Budget decision (per setting): " + decision.Summary);
        }

        return findings;
    }

    /// <summary>A number with a fixed count of decimals; a value that rounds to zero is written without a sign (never "-0").</summary>
    internal static string N(double value, int decimals) => FixedDecimals.Format(value, decimals);

    /// <summary>"1 setting", "9 settings".</summary>
    internal static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");

    internal static string P(double p) => p < 0.001 ? "< 0.001" : N(p, p < 0.01 ? 4 : 3);

    internal static string Pe(double p) => p < 0.001 ? "p < 0.001" : "p = " + P(p);
}
