using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>Computes PGR for every generator × setting whose student, base and reference scores are all in, and writes the score table and the leaderboard.</summary>
internal sealed class PgrStep(RunStepInfo info, IReadOnlyList<EvaluateStep> evaluations) : RunStep(info, evaluations)
{
    public override bool PartialUpstream => true;

    public static string ScoresPath(RunContext context) => Path.Combine(context.Directory.Pgr, "scores.csv");

    public static string ItemsPath(RunContext context) => Path.Combine(context.Directory.Pgr, "items.csv");

    /// <summary>The typed leaderboard (<c>pgr.json</c>) that later steps and the runner read back.</summary>
    public static string ReportPath(RunContext context) => Path.Combine(context.Directory.Pgr, "pgr.json");

    private static readonly string[] Reports = ["pgr.md", "pgr.csv", "pgr.json"];

    public override IReadOnlyList<string> Outputs(RunContext context) =>
        [ScoresPath(context), ItemsPath(context), .. Reports.Select(f => Path.Combine(context.Directory.Pgr, f))];

    public override Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new JsonObject
        {
            ["aggregation"] = PgrCalculationOptions.ToName(context.Plan.Analysis.Aggregation),
            ["bootstrap_rounds"] = Options(context).BootstrapRounds,
            ["confidence"] = Options(context).Confidence,
            ["seed"] = Options(context).Seed,
        });

    /// <summary>The PGR options of the run: the plan's aggregation; the bootstrap from the plan's analysis keys and random seed.</summary>
    public static PgrCalculationOptions Options(RunContext context) => new()
    {
        Aggregation = context.Plan.Analysis.Aggregation,
        BootstrapRounds = context.Plan.Analysis.BootstrapRounds,
        Confidence = context.Plan.Analysis.Confidence,
        Seed = context.Plan.RandomSeed,
    };

    /// <summary>
    /// The problems all three models answered, paired by id, one outcome per problem and training run of the student;
    /// <see langword="null"/> when a result lists no problems.
    /// </summary>
    private static PgrItemOutcome[]? Outcomes(IReadOnlyList<(int Repeat, string Path)> students, string baseModel, string reference)
    {
        var b = EvaluateStep.ReadOutcomes(baseModel);
        var f = EvaluateStep.ReadOutcomes(reference);
        var items = new List<PgrItemOutcome>();
        foreach (var (repeat, path) in students)
        {
            var s = EvaluateStep.ReadOutcomes(path);
            items.AddRange(s.Keys.Where(k => b.ContainsKey(k) && f.ContainsKey(k)).Order(StringComparer.Ordinal).Select(k => new PgrItemOutcome(k, s[k].Value, b[k].Value, f[k].Value)
            {
                Repeat = repeat,
                StudentWeight = s[k].Weight,
                BaseWeight = b[k].Weight,
                ReferenceWeight = f[k].Weight,
            }));
        }

        return items.Count == 0 ? null : [.. items];
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var evaluations = Upstream.Cast<EvaluateStep>().ToArray();
        bool Done(EvaluateStep step) => context.StatusOf(step) == RunStepStatus.Done;
        var scores = new List<BenchmarkScore>();
        int missing = 0;

        // A cell trained several times has one student evaluation per run; its score is the mean over the runs.
        foreach (var runs in evaluations.Where(s => s.Role == ModelRole.Student).GroupBy(s => (s.Generator!.Name, s.Setting!, s.Benchmark.Benchmark.Id)))
        {
            var students = runs.OrderBy(s => s.Repeat).ToArray();
            string id = runs.Key.Id;
            var baseStep = evaluations.Single(s => s.Role == ModelRole.Base && s.Benchmark.Benchmark.Id == id);
            var referenceStep = evaluations.Single(s => s.Role == ModelRole.Reference && s.Benchmark.Benchmark.Id == id);
            if (!students.All(Done) || !Done(baseStep) || !Done(referenceStep))
            {
                missing++;
                continue;
            }

            var student = students[0];
            scores.Add(new BenchmarkScore(
                student.Generator!.Name,
                student.Setting!.Method,
                student.Setting.Domain,
                id,
                students.Average(s => EvaluateStep.ReadScore(s.ResultPath(context))),
                EvaluateStep.ReadScore(baseStep.ResultPath(context)),
                EvaluateStep.ReadScore(referenceStep.ResultPath(context)))
            {
                Items = Outcomes([.. students.Select(s => (s.Repeat, s.ResultPath(context)))], baseStep.ResultPath(context), referenceStep.ResultPath(context)),
            });
        }

        if (scores.Count == 0)
        {
            throw new RunStepException("no student has all of its scores yet (student, base and reference on a benchmark).");
        }

        var calculator = context.Options.PgrCalculator ?? new PgrCalculator();
        var report = calculator.Calculate(scores, Options(context));
        await AtomicFile.WriteAllTextAsync(ItemsPath(context), PgrItemCsv.Write(scores), cancellationToken).ConfigureAwait(false);
        string csv = CsvText.Write(BenchmarkScoreCsv.Columns, scores.Select(s => (IReadOnlyList<object?>)[s.Generator, AgoraBenchNames.ToName(s.Method), AgoraBenchNames.ToName(s.Domain), s.Benchmark, s.Student, s.Base, s.Reference]));
        await AtomicFile.WriteAllTextAsync(ScoresPath(context), csv, cancellationToken).ConfigureAwait(false);
        foreach (var (file, format) in new[] { ("pgr.md", PgrReportFormat.Markdown), ("pgr.csv", PgrReportFormat.Csv), ("pgr.json", PgrReportFormat.Json) })
        {
            await AtomicFile.WriteAllTextAsync(Path.Combine(context.Directory.Pgr, file), PgrReportWriter.ToString(report, format), cancellationToken).ConfigureAwait(false);
        }

        var summary = new JsonObject { ["scores"] = scores.Count, ["missing_scores"] = missing };
        foreach (var generator in report.Generators)
        {
            summary["overall." + generator.Generator] = Math.Round(generator.Overall, 6);
            if (generator.OverallInterval is { IsDefined: true } interval)
            {
                summary["overall_low." + generator.Generator] = Math.Round(interval.Lower, 6);
                summary["overall_high." + generator.Generator] = Math.Round(interval.Upper, 6);
            }
        }

        return summary;
    }

    /// <summary>
    /// Reads the leaderboard a finished step wrote to <c>pgr.json</c>, typed: the PGRs, intervals and comparisons as
    /// computed then (no bootstrap is run again).
    /// </summary>
    public static async Task<PgrReport> ReadAsync(RunContext context, CancellationToken cancellationToken)
    {
        string path = ReportPath(context);
        var document = await ArtefactJson.ReadFileAsync(path, ReportJsonContext.Default.PgrReportDocument, cancellationToken).ConfigureAwait(false);
        return document.ToReport(path, Options(context).BootstrapRounds);
    }
}
