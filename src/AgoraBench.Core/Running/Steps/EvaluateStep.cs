using System.Globalization;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// Evaluates one model (a student, the base or reference model, or a generator as a problem solver) on one benchmark:
/// predictions are appended as they arrive (an interrupted step resumes), then graded by answer checks, in the code
/// sandbox, or by the pairwise judge.
/// </summary>
internal sealed class EvaluateStep(RunStepInfo info, PlanBenchmark benchmark, ModelRole role, PlanGenerator? generator, TrainStep? train)
    : RunStep(info, train is null ? [] : [train])
{
    public PlanBenchmark Benchmark { get; } = benchmark;

    public ModelRole Role { get; } = role;

    public PlanGenerator? Generator { get; } = generator;

    public AgoraBenchSetting? Setting => Info.Setting;

    /// <summary>Which training run of the cell's student is evaluated (1 for every other role).</summary>
    public int Repeat => Train?.Repeat ?? 1;

    public TrainStep? Train { get; } = train;

    public override bool Resumable => true;

    public string Folder(RunContext context) => context.Directory.Evaluation(Role, Generator?.Name, Setting, Repeat);

    public string ResultPath(RunContext context) => Path.Combine(Folder(context), Benchmark.Benchmark.Id + ".json");

    public string PredictionsPath(RunContext context) => Path.Combine(Folder(context), Benchmark.Benchmark.Id + ".predictions.jsonl");

    public override IReadOnlyList<string> Outputs(RunContext context) => [ResultPath(context)];

    public override IReadOnlyList<string> Artefacts(RunContext context) => [ResultPath(context), PredictionsPath(context)];

    public override void Discard(RunContext context)
    {
        DeleteIfExists(ResultPath(context));
        DeleteIfExists(PredictionsPath(context));
    }

    public override async Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var e = context.Plan.Evaluation;
        string id = Benchmark.Benchmark.Id;
        var config = new JsonObject
        {
            ["benchmark"] = id,
            ["role"] = Role.ToString(),
            ["model"] = Role == ModelRole.Student ? null : Model(context)!.Model,
            ["problems"] = await context.FileHashAsync(Benchmark.Problems, cancellationToken).ConfigureAwait(false),
            ["few_shot"] = Role == ModelRole.Base ? e.BaseFewShot : 0,
            ["held_out"] = Benchmark.FewShotProblems is null ? e.BaseFewShot : 0,
            ["few_shot_problems"] = Benchmark.FewShotProblems is { } demos ? await context.FileHashAsync(demos, cancellationToken).ConfigureAwait(false) : null,
            ["limit"] = Benchmark.Limit,
            ["inference"] = "paper: temperature 0.2 math / 0 otherwise, top_p 0.95, 1024 tokens",
        };
        var definition = Definition(context);
        if (definition.Reader is null || !ReferenceEquals(definition, Benchmark.Definition))
        {
            // A declared or host benchmark: its prompt, grader and temperature are part of what the scores mean.
            config["prompt"] = definition.Prompt;
            config["grader"] = definition.Grader.Options.DeepClone();
            config["grader_kind"] = definition.Grader.Kind;
            config["temperature"] = definition.Temperature;
        }

        if (definition.Aggregation == "mean")
        {
            config["code_timeout_seconds"] = definition.Grader.Kind == "python-tests" ? e.CodeTimeout.TotalSeconds : null;
        }
        else
        {
            config["judge"] = e.Judge?.Model;
            config["baseline"] = Benchmark.Baseline is { } baseline ? await context.FileHashAsync(baseline, cancellationToken).ConfigureAwait(false) : "reference outputs";
            config["bootstrap_rounds"] = e.BootstrapRounds;
            config["bootstrap_seed"] = context.Plan.RandomSeed;
            if (Benchmark.InstructionDifficulty is { } difficulty && Benchmark.GamedBaselines is { } gamed)
            {
                config["instruction_difficulty"] = await context.FileHashAsync(difficulty, cancellationToken).ConfigureAwait(false);
                config["gamed_baselines"] = await context.FileHashAsync(gamed, cancellationToken).ConfigureAwait(false);
            }
        }

        return config;
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var e = plan.Evaluation;
        string id = Benchmark.Benchmark.Id;
        var endpoint = Model(context) ?? await StudentEndpointAsync(context, cancellationToken).ConfigureAwait(false);
        System.Diagnostics.Activity.Current?.SetTag(AgoraBenchTelemetry.RequestModelAttribute, endpoint.Model);
        var definition = Definition(context);
        var all = await context.ProblemsAsync(definition, Benchmark.Problems, cancellationToken).ConfigureAwait(false);
        var demonstrations = Benchmark.FewShotProblems is { } demoFile
            ? (await context.ProblemsAsync(definition, demoFile, cancellationToken).ConfigureAwait(false)).Take(e.BaseFewShot).ToArray()
            : all.Take(e.BaseFewShot).ToArray();
        var evaluated = Benchmark.Evaluated(all, Benchmark.HeldOut(e.BaseFewShot));
        if (evaluated.Length == 0)
        {
            throw new RunStepException($"{id}: no problems are left to evaluate after {e.BaseFewShot} held-out demonstration(s).");
        }

        string predictionsPath = PredictionsPath(context);
        int answered = File.Exists(predictionsPath) ? (await Predictions.ReadAsync(predictionsPath, cancellationToken).ConfigureAwait(false)).Count : 0;
        progress?.Report(Progress(answered, evaluated.Length));
        using var client = new UsageCountingChatClient(context.Chat(endpoint, Role));
        IReadOnlyList<string> failed;
        try
        {
            failed = (await StudentEvaluator.RunAsync(
                client,
                id,
                evaluated,
                predictionsPath,
                new StudentEvaluationOptions { Benchmark = definition, FewShotExamples = Role == ModelRole.Base ? demonstrations : [], Concurrency = RunContext.Concurrency(endpoint, evaluated.Length) },
                progress is null ? null : new SynchronousProgress<string>(_ => progress.Report(Progress(Interlocked.Increment(ref answered), evaluated.Length))),
                cancellationToken).ConfigureAwait(false)).Failed;
        }
        catch (EvaluationAbortedException ex)
        {
            throw new RunStepException(ex.Message, ex);
        }

        if (failed.Count > 0)
        {
            throw new RunStepException($"{id}: {failed.Count} problem(s) failed after retries (first: {string.Join(", ", failed.Take(3))}); the answers so far are kept and a rerun asks only for the rest.");
        }

        var ids = evaluated.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var predictions = (await Predictions.ReadAsync(predictionsPath, cancellationToken).ConfigureAwait(false)).Where(p => ids.Contains(p.Id)).ToArray();
        string json;
        double score;

        // The judge grading the answers (a rubric or pairwise grader, a pairwise leaderboard) is part of what evaluating
        // costs; its client is shared by the steps, so only this step's calls are counted here and it is not disposed.
        using var judge = e.Judge is null ? null : new UsageCountingChatClient(await context.CachedChatAsync(e.Judge, ModelRole.EvaluationJudge, cancellationToken).ConfigureAwait(false), ownsInner: false);
        if (definition.Aggregation == "mean")
        {
            var graderContext = new GraderContext
            {
                Sandbox = context.Sandbox,
                Limits = new SandboxLimits { Timeout = e.CodeTimeout },
                Judge = judge,
                BaseDirectory = context.Plan.SourcePath is { } source ? Path.GetDirectoryName(Path.GetFullPath(source))! : Environment.CurrentDirectory,
                Baseline = Benchmark.Baseline is { } baselineAnswers ? await AnswerFiles.ReadAsync(baselineAnswers, cancellationToken).ConfigureAwait(false) : null,
            };
            var grade = await BenchmarkGrader.GradeAsync(definition, evaluated, predictions, graderContext, context.Options.Graders, predictionsSource: predictionsPath, cancellationToken: cancellationToken).ConfigureAwait(false);
            score = grade.Grade.Score;
            json = GradedResultJson(grade.Grade, id, endpoint.Model);
        }
        else
        {
            var pairwiseJudge = new PairwiseJudge(judge!);
            var questions = evaluated.ToDictionary(p => p.Id, p => p.Prompt, StringComparer.Ordinal);
            var answers = predictions.ToDictionary(p => p.Id, p => p.Outputs[0], StringComparer.Ordinal);
            IReadOnlyDictionary<string, string> baseline = Benchmark.Baseline is { } baselineFile
                ? await AnswerFiles.ReadAsync(baselineFile, cancellationToken).ConfigureAwait(false)
                : evaluated.Where(p => p.Answer is not null).ToDictionary(p => p.Id, p => p.Answer!, StringComparer.Ordinal);
            var result = await PairwiseBenchmark.ScoreAsync(
                pairwiseJudge,
                id,
                questions,
                answers,
                baseline,
                endpoint.Model,
                new BradleyTerryOptions { BootstrapRounds = e.BootstrapRounds, Seed = plan.RandomSeed },
                RunContext.Concurrency(e.Judge!, 2 * questions.Count),
                Benchmark.InstructionDifficulty is { } difficultyFile && Benchmark.GamedBaselines is { } gamedFile
                    ? await LengthControlInputs.LoadAsync(difficultyFile, gamedFile, cancellationToken).ConfigureAwait(false)
                    : null,
                cancellationToken).ConfigureAwait(false);
            score = result.Score;
            json = result.ToJson();
        }

        await AtomicFile.WriteAllTextAsync(ResultPath(context), json, cancellationToken).ConfigureAwait(false);
        // The step's spend is the model's answers plus the judge's verdicts on them, each also recorded on its own.
        decimal? studentUsd = Prices.CostOrFree(endpoint, client.InputTokens, client.OutputTokens);
        decimal? judgeUsd = judge is null || judge.Requests == 0 ? 0 : Prices.CostOrFree(e.Judge, judge.InputTokens, judge.OutputTokens);
        Telemetry.AddCost(studentUsd, "evaluate", endpoint.Model);
        Telemetry.AddCost(judgeUsd, "evaluate", e.Judge?.Model ?? string.Empty);
        var summary = new JsonObject
        {
            ["model"] = endpoint.Model,
            ["score"] = Math.Round(score, 6),
            ["problems"] = evaluated.Length,
            ["requests"] = client.Requests + (judge?.Requests ?? 0),
            ["input_tokens"] = client.InputTokens + (judge?.InputTokens ?? 0),
            ["output_tokens"] = client.OutputTokens + (judge?.OutputTokens ?? 0),
            ["usd"] = studentUsd + judgeUsd,
            ["answers"] = Usage(endpoint.Model, client.Requests, client.InputTokens, client.OutputTokens, studentUsd),
        };
        if (judge is not null && judge.Requests > 0)
        {
            summary["judge"] = Usage(e.Judge!.Model, judge.Requests, judge.InputTokens, judge.OutputTokens, judgeUsd);
        }

        return summary;
    }

    private static JsonObject Usage(string model, long requests, long inputTokens, long outputTokens, decimal? usd) => new()
    {
        ["model"] = model,
        ["requests"] = requests,
        ["input_tokens"] = inputTokens,
        ["output_tokens"] = outputTokens,
        ["usd"] = usd,
    };

    /// <summary>The score written by a finished step.</summary>
    public static double ReadScore(string resultPath)
    {
        return EvaluationResultDocument.Read(resultPath).Score ?? throw new RunStepException(string.Create(CultureInfo.InvariantCulture, $"{resultPath} has no score."));
    }

    /// <summary>
    /// The per-problem outcomes in a finished step's result, in percent, with their weights: for a graded benchmark each
    /// problem's share of passing samples (what the score averages, weight 1); for a pairwise one each question's
    /// result and weight as <see cref="PairwiseOutcome"/> defines them. Empty when the result lists no problems.
    /// </summary>
    public static IReadOnlyDictionary<string, (double Value, double Weight)> ReadOutcomes(string resultPath)
    {
        var outcomes = new Dictionary<string, (double Value, double Weight)>(StringComparer.Ordinal);
        if (EvaluationResultDocument.Read(resultPath).Items is not { } items)
        {
            return outcomes;
        }

        foreach (var item in items)
        {
            if (item.Id is not { } id)
            {
                continue;
            }

            if (item.Preference is double preference)
            {
                outcomes[id] = (preference, item.Weight ?? 1);
                continue;
            }

            bool correct = item.Correct ?? false;
            int samples = item.Samples ?? 1;
            int unscored = item.Unscored ?? 0;
            int samplesCorrect = item.SamplesCorrect ?? (samples == 1 && correct ? 1 : 0);
            double points = item.Points ?? samplesCorrect;
            if (samples - unscored > 0)
            {
                outcomes[id] = (100.0 * points / (samples - unscored), 1);
            }
        }

        return outcomes;
    }

    /// <summary>The benchmark's definition: a host's (registered through <c>AddBenchmark</c>) wins over the plan's or the built-in one.</summary>
    public BenchmarkDefinition Definition(RunContext context) =>
        context.Options.Benchmarks.TryGet(Benchmark.Benchmark.Id, out var hosted) ? hosted : Benchmark.Definition;

    private ModelEndpoint? Model(RunContext context) => Role switch
    {
        ModelRole.Base => context.Plan.Evaluation.Base,
        ModelRole.Reference => context.Plan.Evaluation.Reference,
        ModelRole.ProblemSolver => Generator!.Endpoint,
        _ => null,
    };

    private async Task<ModelEndpoint> StudentEndpointAsync(RunContext context, CancellationToken cancellationToken)
    {
        var student = await TrainedStudentFile.ReadAsync(context.Directory.Student(Generator!.Name, Setting!, Repeat), cancellationToken: cancellationToken).ConfigureAwait(false);
        context.Redactor.AddVariable(student.ApiKeyEnvironmentVariable);
        return new ModelEndpoint
        {
            Model = student.ModelId,
            Endpoint = student.Endpoint,
            ApiKeyEnvironmentVariable = student.ApiKeyEnvironmentVariable,
            Price = context.Plan.Training.StudentPrice,
            Concurrency = context.Plan.Training.StudentConcurrency,
        };
    }

    /// <summary>A graded benchmark's <c>result.json</c> as a run writes it: the model after the benchmark.</summary>
    internal static string GradedResultJson(BenchmarkGradeResult grade, string benchmark, string model) =>
        ArtefactJson.Write(GradedResultDocument.From(grade, benchmark) with { Model = model }, EvaluationResultJsonContext.Default.GradedResultDocument);
}
