using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>Runs the paper's analyses over the study's tables and writes the report folder (results.json, report.md, report.html, CSV tables).</summary>
internal sealed class ReportStep(RunStepInfo info, AnalyzeStep analyze) : RunStep(info, [analyze])
{
    public override IReadOnlyList<string> Outputs(RunContext context) => [.. AnalysisReportWriter.FileNames.Select(f => Path.Combine(context.Directory.Report, f))];

    public override Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var a = context.Plan.Analysis;
        return Task.FromResult(new JsonObject
        {
            ["title"] = Title(context.Plan),
            ["components"] = a.PrincipalComponents,
            ["budget"] = a.BudgetUsdPerSetting,
            ["instances"] = context.Plan.Instances,
            ["library"] = typeof(ReportStep).Assembly.GetName().Version?.ToString(),
        });
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var analysis = await AnalyzeAsync(context, cancellationToken).ConfigureAwait(false);
        await AnalysisReportWriter.WriteAsync(analysis, context.Directory.Report, Title(context.Plan), cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["leader"] = analysis.Leaderboard.Generators.Count > 0 ? analysis.Leaderboard.Generators[0].Generator : null,
            ["diagnostics"] = analysis.Diagnostics.Count,
        };
    }

    public static async Task<AgoraBenchAnalysis> AnalyzeAsync(RunContext context, CancellationToken cancellationToken)
    {
        string Table(string name) => Path.Combine(context.Directory.AnalysisTables, name);
        var plan = context.Plan;
        var input = new AnalysisInput
        {
            Cells = await AnalysisTableCsv.ReadPgrAsync(Table("pgr.csv"), cancellationToken).ConfigureAwait(false),
            IntrinsicMetrics = await AnalysisTableCsv.ReadIntrinsicMetricsAsync(Table("metrics.csv"), cancellationToken).ConfigureAwait(false),
            ProblemSolving = await AnalysisTableCsv.ReadProblemSolvingAsync(Table("problem_solving.csv"), cancellationToken).ConfigureAwait(false),
            Prices = await AnalysisTableCsv.ReadPricesAsync(Table("prices.csv"), cancellationToken).ConfigureAwait(false),
            Usage = await AnalysisTableCsv.ReadUsageAsync(Table("usage.csv"), cancellationToken).ConfigureAwait(false),
            ScalingPoints = plan.Analysis.ScalingFile is { } scaling ? await AnalysisTableCsv.ReadScalingPointsAsync(scaling, cancellationToken).ConfigureAwait(false) : [],
        };
        return AgoraBenchAnalyzer.Analyze(input, new AnalysisOptions
        {
            PrincipalComponents = plan.Analysis.PrincipalComponents,
            InstancesPerSetting = plan.Instances,
            BudgetUsdPerSetting = plan.Analysis.BudgetUsdPerSetting,
        });
    }

    private static string Title(AgoraBenchPlan plan) => plan.Analysis.Title ?? $"AGORABENCH: {plan.Name}";
}
