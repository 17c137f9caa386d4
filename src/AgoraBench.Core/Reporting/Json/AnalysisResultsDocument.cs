using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// <c>results.json</c> of a report folder: the leaderboard, the uncertainty, the regressions, PCA, cost, budget,
/// the findings in words and the diagnostics. Keys that were not measured are <c>null</c>, never left out.
/// </summary>
internal sealed record AnalysisResultsDocument
{
    public required IReadOnlyList<PgrGeneratorDocument> Leaderboard { get; init; }

    public AnalysisUncertaintyDocument? Uncertainty { get; init; }

    public required AnalysisRegressionsDocument Regression { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public PcaDocument? Pca { get; init; }

    [JsonPropertyName("pc_regression")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public PcRegressionDocument? PcRegression { get; init; }

    [JsonPropertyName("feature_contributions")]
    public required IReadOnlyList<FeatureContributionDocument> FeatureContributions { get; init; }

    public required IReadOnlyList<GeneratorCostDocument> Cost { get; init; }

    public required IReadOnlyList<BudgetOptionDocument> Budget { get; init; }

    [JsonPropertyName("budget_decision")]
    public BudgetDecisionDocument? BudgetDecision { get; init; }

    public required IReadOnlyList<string> Findings { get; init; }

    public required IReadOnlyList<AnalysisDiagnostic> Diagnostics { get; init; }

    public static AnalysisResultsDocument From(AgoraBenchAnalysis analysis)
    {
        var leaderboard = analysis.Leaderboard;
        return new()
        {
            Leaderboard = [.. leaderboard.Generators.Select(g => PgrGeneratorDocument.From(g, detailed: false))],
            Uncertainty = leaderboard.Confidence is double level
                ? new(level, [.. leaderboard.Comparisons.Select(PgrComparisonDocument.From)], PgrHeadline.Of(leaderboard))
                : null,
            Regression = new(RegressionDocument.From(analysis.Coarse), RegressionDocument.From(analysis.Fine)),
            Pca = PcaDocument.From(analysis.Pca),
            PcRegression = PcRegressionDocument.From(analysis.PcRegression),
            FeatureContributions = analysis.Pca is { } pca
                ? [.. pca.FeatureContributions(analysis.PcRegression?.Components).Select(c => new FeatureContributionDocument(c.Feature, c.Strength, c.SharePercent))]
                : [],
            Cost = [.. analysis.Costs.Select(GeneratorCostDocument.From)],
            Budget = [.. analysis.Budget.Select(b => new BudgetOptionDocument(b.Generator, b.Instances, b.UsdPerSetting, b.PredictedPgr, b.Basis))],
            BudgetDecision = analysis.BudgetDecision is { } decision ? BudgetDecisionDocument.From(decision) : null,
            Findings = [.. AnalysisFindings.Describe(analysis)],
            Diagnostics = analysis.Diagnostics,
        };
    }
}
