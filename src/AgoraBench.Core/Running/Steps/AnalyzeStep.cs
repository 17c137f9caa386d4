using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// Assembles the study's analysis tables in the formats <c>agorabench analyze</c> reads: PGR cells, intrinsic
/// metrics, problem-solving scores, prices, measured usage, and the run's measured spend by stage.
/// </summary>
internal sealed class AnalyzeStep(RunStepInfo info, PgrStep pgr, IReadOnlyList<GenerateStep> generations, IReadOnlyList<MetricsStep> metrics, IReadOnlyList<EvaluateStep> problemSolving)
    : RunStep(info, [pgr, .. generations, .. metrics, .. problemSolving])
{
    public static readonly string[] Tables = ["pgr.csv", "metrics.csv", "problem_solving.csv", "prices.csv", "usage.csv", "costs.csv"];

    /// <summary>The tables written only when the study measured them (a header-only table is not data: the report says "not measured" instead).</summary>
    public static readonly string[] OptionalTables = ["metrics.csv", "problem_solving.csv", "prices.csv"];

    public override bool PartialUpstream => true;

    public override IReadOnlyList<string> Outputs(RunContext context) =>
        [.. Tables.Select(t => Path.Combine(context.Directory.AnalysisTables, t)).Where(f => !OptionalTables.Contains(Path.GetFileName(f)) || File.Exists(f))];

    public override async Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var a = context.Plan.Analysis;
        return new JsonObject
        {
            ["problem_solving_file"] = a.ProblemSolvingFile is { } ps ? await context.FileHashAsync(ps, cancellationToken).ConfigureAwait(false) : null,
            ["prices"] = new JsonArray([.. context.Plan.Generators.Select(g => (JsonNode)$"{g.Name}={Prices.Of(g)}")]),
        };
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var dir = context.Directory;
        // Without PGR (its step failed: base equal to reference, no complete student) the tables still hold what was measured.
        var report = context.StatusOf(pgr) == RunStepStatus.Done && File.Exists(PgrStep.ReportPath(context))
            ? await PgrStep.ReadAsync(context, cancellationToken).ConfigureAwait(false)
            : PgrReport.Create([]);
        var pgrRows = report.Generators.SelectMany(g => g.Cells).Select(c => (IReadOnlyList<object?>)[c.Generator, AgoraBenchNames.ToName(c.Setting.Method), AgoraBenchNames.ToName(c.Setting.Domain), c.Value]);

        var metricRows = new List<IReadOnlyList<object?>>();
        var costs = new List<RunCost>();
        foreach (var step in Upstream.OfType<MetricsStep>().Where(s => context.StatusOf(s) == RunStepStatus.Done))
        {
            var setting = step.Generate.Setting;
            string generator = step.Generate.Generator.Name;
            var document = await IntrinsicMetricsDocument.ReadAsync(dir.Metrics(generator, setting), cancellationToken).ConfigureAwait(false);
            long requests = 0, input = 0, output = 0;
            decimal? usd = 0;
            foreach (var (name, metric) in document.Metrics)
            {
                if (metric.Mean is double mean && double.IsFinite(mean))
                {
                    metricRows.Add([generator, AgoraBenchNames.ToName(setting.Method), AgoraBenchNames.ToName(setting.Domain), name, mean]);
                }

                long r = metric.Requests, i = metric.InputTokens, o = metric.OutputTokens;
                (requests, input, output) = (requests + r, input + i, output + o);
                var endpoint = name switch
                {
                    IntrinsicMetricNames.InstructionDifficulty or IntrinsicMetricNames.ResponseQuality => plan.Metrics.Judge,
                    IntrinsicMetricNames.InstructionDiversity or IntrinsicMetricNames.ResponseDiversity => plan.Metrics.Embedding,
                    IntrinsicMetricNames.ResponsePerplexity => plan.Metrics.Perplexity,
                    _ => null,
                };
                usd = r == 0 ? usd : Prices.CostOrFree(endpoint, i, o) is decimal cost ? usd + cost : null;
            }

            costs.Add(new RunCost(RunStage.Metrics, generator, setting, requests, input, output, usd));
        }

        var usageRows = new List<IReadOnlyList<object?>>();
        foreach (var group in Upstream.OfType<GenerateStep>().Where(s => context.StatusOf(s) == RunStepStatus.Done).GroupBy(s => s.Generator.Name, StringComparer.Ordinal))
        {
            long instances = 0, input = 0, output = 0;
            foreach (var step in group)
            {
                var usage = await GenerationUsageReader.ReadAsync(dir.Data(step.Generator.Name, step.Setting), cancellationToken).ConfigureAwait(false);
                costs.Add(new RunCost(RunStage.Generate, step.Generator.Name, step.Setting, usage.Requests, usage.InputTokens, usage.OutputTokens, Prices.Of(step.Generator)?.Cost(usage.InputTokens, usage.OutputTokens) ?? (step.Generator.Endpoint.IsSelfHosted ? 0 : null)));
                (instances, input, output) = (instances + usage.Instances, input + usage.InputTokens, output + usage.OutputTokens);
            }

            usageRows.Add([group.Key, instances, input, output]);
        }

        // What evaluating the models cost, as each finished evaluation recorded it (the base and reference once, every student, the solvers).
        foreach (var step in pgr.Upstream.OfType<EvaluateStep>().Concat(Upstream.OfType<EvaluateStep>()).Distinct().Where(s => context.StatusOf(s) == RunStepStatus.Done))
        {
            if (context.Records.Load(step.Info.Id)?.Summary is { } summary && summary["requests"] is JsonValue requests)
            {
                costs.Add(new RunCost(
                    RunStage.Evaluate,
                    step.Generator?.Name,
                    step.Setting,
                    requests.GetValue<long>(),
                    summary["input_tokens"]?.GetValue<long>() ?? 0,
                    summary["output_tokens"]?.GetValue<long>() ?? 0,
                    summary["usd"] is JsonValue usd ? usd.GetValue<decimal>() : null));
            }
        }

        var problemSolvingRows = new List<IReadOnlyList<object?>>();
        foreach (var step in Upstream.OfType<EvaluateStep>().Where(s => context.StatusOf(s) == RunStepStatus.Done))
        {
            problemSolvingRows.Add([step.Generator!.Name, step.Benchmark.Benchmark.Id, EvaluateStep.ReadScore(step.ResultPath(context))]);
        }

        if (plan.Analysis.ProblemSolvingFile is { } file)
        {
            var known = problemSolvingRows.Select(r => ((string)r[0]!, (string)r[1]!)).ToHashSet();
            foreach (var score in await AnalysisTableCsv.ReadProblemSolvingAsync(file, cancellationToken).ConfigureAwait(false))
            {
                if (known.Add((score.Generator, score.Benchmark)))
                {
                    problemSolvingRows.Add([score.Generator, score.Benchmark, score.Score]);
                }
            }
        }

        var priceRows = plan.Generators.Select(g => (g.Name, Price: Prices.Of(g))).Where(g => g.Price is not null)
            .Select(g => (IReadOnlyList<object?>)[g.Name, g.Price!.InputUsdPerMillionTokens, g.Price.OutputUsdPerMillionTokens]);
        var costRows = costs.OrderBy(c => c.Stage).ThenBy(c => c.Generator, StringComparer.Ordinal).ThenBy(c => c.Setting?.Key, StringComparer.Ordinal)
            .Select(c => (IReadOnlyList<object?>)[RunStages.ToName(c.Stage), c.Generator, c.Setting?.Key, c.Requests, c.InputTokens, c.OutputTokens, c.Usd]);

        var priceList = priceRows.ToList();
        var tables = new (string Name, string Text, int Rows)[]
        {
            ("pgr.csv", CsvText.Write(["generator", "method", "domain", "pgr"], pgrRows), -1),
            ("metrics.csv", CsvText.Write(["generator", "method", "domain", "metric", "value"], metricRows), metricRows.Count),
            ("problem_solving.csv", CsvText.Write(["generator", "benchmark", "score"], problemSolvingRows), problemSolvingRows.Count),
            ("prices.csv", CsvText.Write(["generator", "usd_per_1m_input", "usd_per_1m_output"], priceList), priceList.Count),
            ("usage.csv", CsvText.Write(["generator", "instances", "input_tokens", "output_tokens"], usageRows), -1),
            ("costs.csv", CsvText.Write(["stage", "generator", "setting", "requests", "input_tokens", "output_tokens", "usd"], costRows), -1),
        };
        Directory.CreateDirectory(dir.AnalysisTables);
        foreach (var (name, text, rows) in tables)
        {
            string path = Path.Combine(dir.AnalysisTables, name);
            if (rows == 0)
            {
                // Not measured: no table at all, so no reader meets a header without rows; a stale one from an earlier run goes.
                DeleteIfExists(path);
                continue;
            }

            await AtomicFile.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        }

        return new JsonObject
        {
            ["cells"] = report.Generators.Sum(g => g.Cells.Count),
            ["metric_values"] = metricRows.Count,
            ["problem_solving_scores"] = problemSolvingRows.Count,
            ["spend_usd"] = costs.All(c => c.Usd is not null) ? costs.Sum(c => c.Usd!.Value) : null,
        };
    }

    /// <summary>Reads the measured spend back from <c>analysis/costs.csv</c>.</summary>
    public static IReadOnlyList<RunCost> ReadCosts(RunContext context)
    {
        string path = Path.Combine(context.Directory.AnalysisTables, "costs.csv");
        if (!File.Exists(path))
        {
            return [];
        }

        var costs = new List<RunCost>();
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        using var reader = new StreamReader(path);
        using var csv = new CsvHelper.CsvParser(reader, invariant);
        csv.Read();
        while (csv.Read())
        {
            string[] f = csv.Record ?? [];
            if (f.Length != 7 || !RunStages.TryParse(f[0], out var stage))
            {
                continue;
            }

            costs.Add(new RunCost(
                stage,
                f[1].Length == 0 ? null : f[1],
                AgoraBenchSetting.TryParse(f[2], out var setting) ? setting : null,
                long.Parse(f[3], invariant),
                long.Parse(f[4], invariant),
                long.Parse(f[5], invariant),
                f[6].Length == 0 ? null : decimal.Parse(f[6], System.Globalization.NumberStyles.Float, invariant)));
        }

        return costs;
    }
}
