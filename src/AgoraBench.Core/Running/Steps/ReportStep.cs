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

    /// <summary>Reads the <c>results.json</c> a finished step wrote.</summary>
    public static Task<AnalysisResultsDocument> ReadResultsAsync(RunContext context, CancellationToken cancellationToken) =>
        ArtefactJson.ReadFileAsync(Path.Combine(context.Directory.Report, "results.json"), ReportJsonContext.Default.AnalysisResultsDocument, cancellationToken);

    public static async Task<AgoraBenchAnalysis> AnalyzeAsync(RunContext context, CancellationToken cancellationToken)
    {
        string Table(string name) => Path.Combine(context.Directory.AnalysisTables, name);
        var plan = context.Plan;
        var measured = File.Exists(PgrStep.ReportPath(context)) ? await PgrStep.ReadAsync(context, cancellationToken).ConfigureAwait(false) : null;
        var input = new AnalysisInput
        {
            Leaderboard = measured,
            Cells = Cells(measured, await OptionalAsync(Table("pgr.csv"), AnalysisTableCsv.ReadPgrAsync, cancellationToken).ConfigureAwait(false)),
            Spend = AnalyzeStep.ReadCosts(context),
            IntrinsicMetrics = await OptionalAsync(Table("metrics.csv"), AnalysisTableCsv.ReadIntrinsicMetricsAsync, cancellationToken).ConfigureAwait(false),
            ProblemSolving = await OptionalAsync(Table("problem_solving.csv"), AnalysisTableCsv.ReadProblemSolvingAsync, cancellationToken).ConfigureAwait(false),
            Prices = await OptionalAsync(Table("prices.csv"), AnalysisTableCsv.ReadPricesAsync, cancellationToken).ConfigureAwait(false),
            Usage = await OptionalAsync(Table("usage.csv"), AnalysisTableCsv.ReadUsageAsync, cancellationToken).ConfigureAwait(false),
            ScalingPoints = plan.Analysis.ScalingFile is { } scaling ? await AnalysisTableCsv.ReadScalingPointsAsync(scaling, cancellationToken).ConfigureAwait(false) : [],
        };
        return AgoraBenchAnalyzer.Analyze(input, new AnalysisOptions
        {
            PrincipalComponents = plan.Analysis.PrincipalComponents,
            InstancesPerSetting = plan.Instances,
            BudgetUsdPerSetting = plan.Analysis.BudgetUsdPerSetting,
        });
    }

    /// <summary>The cells with the student, base and reference scores behind each PGR, from the PGR step's score table when it matches.</summary>
    private static IReadOnlyList<SettingPgr> Cells(PgrReport? measured, IReadOnlyList<SettingPgr> cells)
    {
        if (measured is null)
        {
            return cells;
        }

        var detailed = measured.Generators.SelectMany(g => g.Cells).ToDictionary(c => (c.Generator, c.Setting.Key));
        return [.. cells.Select(c => detailed.TryGetValue((c.Generator, c.Setting.Key), out var d) && d.Value.Equals(c.Value) ? c.WithBenchmarks(d.Benchmarks) : c)];
    }

    /// <summary>Reads a table the study may not have measured: a missing file or one without rows is an empty table, not an error.</summary>
    private static async Task<IReadOnlyList<T>> OptionalAsync<T>(string path, Func<string, CancellationToken, Task<IReadOnlyList<T>>> read, CancellationToken cancellationToken)
    {
        if (!File.Exists(path) || (await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false)).Count(l => l.Trim().Length > 0) <= 1)
        {
            return [];
        }

        return await read(path, cancellationToken).ConfigureAwait(false);
    }

    private static string Title(AgoraBenchPlan plan) => plan.Analysis.Title ?? $"AGORABENCH: {plan.Name}";
}
