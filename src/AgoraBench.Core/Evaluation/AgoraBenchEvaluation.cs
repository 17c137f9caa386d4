using System.Globalization;
using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// Student evaluation outside a run, one call per operation, files in and a report out: answer a benchmark with any
/// model (<see cref="EvaluateAsync"/>), grade predictions with the benchmark's grader (<see cref="GradeAsync"/>), judge
/// answers pairwise against a baseline (<see cref="JudgeAsync"/>), and score AlpacaEval's own judged games
/// (<see cref="WinRatesAsync"/>). The <c>agorabench evaluate</c>, <c>grade</c>, <c>judge</c> and <c>winrate</c>
/// commands are these calls; the file formats, the sandbox and the judging behind them are the library's own.
/// </summary>
public static class AgoraBenchEvaluation
{
    /// <summary>Gets the paper's six benchmarks: <c>gsm8k</c>, <c>math</c>, <c>mbpp</c>, <c>humaneval</c>, <c>arena-hard</c> and <c>alpacaeval-2.0</c>.</summary>
    public static IReadOnlyList<BenchmarkDefinition> BuiltInBenchmarks => BenchmarkCatalog.BuiltIn.All;

    /// <summary>Finds a built-in benchmark by id or a common spelling (<c>GSM8K</c>, <c>alpaca_eval</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The benchmark, or <see langword="null"/> when none is called so.</returns>
    public static BenchmarkDefinition? FindBuiltInBenchmark(string id) =>
        BenchmarkCatalog.BuiltIn.TryGet(id, out var definition) ? definition : null;

    /// <summary>
    /// Asks a model every problem with the paper's inference settings (the benchmark's temperature, top_p 0.95, 1,024
    /// tokens) and appends each answer to a predictions file as it arrives; problems the file already answers are
    /// skipped, so a stopped evaluation resumes without paying twice. Refusals are not retried.
    /// </summary>
    /// <param name="model">The evaluated model.</param>
    /// <param name="benchmark">The benchmark (its prompt template and temperature).</param>
    /// <param name="problems">The problems to answer (<see cref="BenchmarkDefinition.ReadProblemsAsync"/>).</param>
    /// <param name="predictionsPath">The JSON Lines file answers are appended to (created, or resumed).</param>
    /// <param name="demonstrations">Problems shown as worked examples before each question, or <see langword="null"/> for none.</param>
    /// <param name="concurrency">Requests in flight.</param>
    /// <param name="answered">Receives how many of <paramref name="problems"/> have an answer, the resumed ones included, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the evaluation; finished answers stay in the file.</param>
    /// <returns>The report: how many problems were answered now and the ids that failed after every retry (no score or document).</returns>
    /// <exception cref="OutputInUseException">Another evaluation is writing the same predictions file.</exception>
    /// <exception cref="EvaluationAbortedException">The endpoint refused a request; the message gives the status and the server's reason.</exception>
    public static async Task<EvaluationReport> EvaluateAsync(
        IChatClient model,
        BenchmarkDefinition benchmark,
        IReadOnlyList<BenchmarkProblem> problems,
        string predictionsPath,
        IReadOnlyList<BenchmarkProblem>? demonstrations = null,
        int concurrency = 8,
        IProgress<int>? answered = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentException.ThrowIfNullOrEmpty(predictionsPath);
        demonstrations ??= [];
        int done = 0;
        if (answered is not null && File.Exists(predictionsPath))
        {
            var ids = problems.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            done = (await Predictions.ReadAsync(predictionsPath, cancellationToken).ConfigureAwait(false)).Select(p => p.Id).Distinct(StringComparer.Ordinal).Count(ids.Contains);
        }

        answered?.Report(done);
        var run = await StudentEvaluator.RunAsync(
            model,
            benchmark.Id,
            problems,
            predictionsPath,
            new StudentEvaluationOptions { Benchmark = benchmark, FewShotExamples = demonstrations, Concurrency = concurrency },
            answered is null ? null : new AnsweredProgress(answered, done),
            cancellationToken).ConfigureAwait(false);
        return new EvaluationReport(string.Create(CultureInfo.InvariantCulture, $"Answered {run.Answered} problem(s) now ({problems.Count} evaluated, {demonstrations.Count} used as demonstrations); predictions in {predictionsPath}"))
        {
            Failed = run.Failed,
        };
    }

    /// <summary>
    /// Grades a predictions file with the benchmark's grader: answer equivalence for math, the problem's tests in a
    /// sandboxed Python process for code (pass@k beside the score), an LLM judge for <c>judge</c> and <c>pairwise</c>
    /// graders, and any kind a plan declares.
    /// </summary>
    /// <param name="benchmark">The benchmark; its score must be the mean item score (<see cref="BenchmarkDefinition.Aggregation"/> <c>mean</c>).</param>
    /// <param name="problems">The problems (<see cref="BenchmarkDefinition.ReadProblemsAsync"/>).</param>
    /// <param name="predictionsPath">JSON Lines, one <c>{"id", "output"}</c> or <c>{"id", "outputs": […]}</c> per problem.</param>
    /// <param name="judge">The judge of <c>judge</c> and <c>pairwise</c> graders, or <see langword="null"/>.</param>
    /// <param name="baselinePath">The baseline's answers for a <c>pairwise</c> grader, or <see langword="null"/>.</param>
    /// <param name="baseDirectory">The folder a grader's relative files (a judge's rubric) resolve against, or <see langword="null"/> for the current directory.</param>
    /// <param name="passAtK">Code benchmarks: the k values of pass@k to report (each needs at least k outputs per problem), or <see langword="null"/> for the benchmark's own without a <c>pass_at_k</c> object.</param>
    /// <param name="programTimeout">Code benchmarks: how long each program may run, or <see langword="null"/> for the sandbox's default.</param>
    /// <param name="allowWeakSandbox">Code benchmarks: where the kernel refuses user namespaces, run programs with resource limits and a separate tester only (they can then read the host's files and reach its network).</param>
    /// <param name="allowMissing">Whether a problem without a prediction counts as wrong instead of being an error.</param>
    /// <param name="ignoreOtherPredictions">Whether predictions of problems not in <paramref name="problems"/> are left out instead of being an error (a predictions file shared with other problems).</param>
    /// <param name="cancellationToken">Cancels the grading.</param>
    /// <returns>The report: the score, its line in words and the grades document (<c>benchmark</c>, <c>score</c>, <c>n</c>, <c>items</c>, and <c>pass_at_k</c> when asked).</returns>
    /// <exception cref="DataValidationException">A prediction is missing, duplicated or names no problem, a pass@k lacks outputs, or the grader's options are wrong; every problem is listed.</exception>
    /// <exception cref="InvalidOperationException">The code sandbox cannot contain programs here and <paramref name="allowWeakSandbox"/> is not set.</exception>
    public static async Task<EvaluationReport> GradeAsync(
        BenchmarkDefinition benchmark,
        IReadOnlyList<BenchmarkProblem> problems,
        string predictionsPath,
        IChatClient? judge = null,
        string? baselinePath = null,
        string? baseDirectory = null,
        IReadOnlyList<int>? passAtK = null,
        TimeSpan? programTimeout = null,
        bool allowWeakSandbox = false,
        bool allowMissing = false,
        bool ignoreOtherPredictions = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentException.ThrowIfNullOrEmpty(predictionsPath);
        bool code = benchmark.Grader.Kind == "python-tests";

        // Code benchmarks: the sandbox's workers start while the predictions are read.
        using var sandbox = code ? new PythonSandbox(new PythonSandboxOptions { AllowWeakIsolation = allowWeakSandbox }) : null;
        sandbox?.StartWorkers();
        IReadOnlyList<Prediction> predictions = await Predictions.ReadAsync(predictionsPath, cancellationToken).ConfigureAwait(false);
        if (ignoreOtherPredictions)
        {
            var ids = problems.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            predictions = [.. predictions.Where(p => ids.Contains(p.Id))];
        }

        var context = new GraderContext
        {
            Sandbox = sandbox,
            Limits = programTimeout is { } timeout ? new SandboxLimits { Timeout = timeout } : null,
            Judge = judge,
            BaseDirectory = baseDirectory ?? Environment.CurrentDirectory,
            Baseline = baselinePath is null ? null : await AnswerFiles.ReadAsync(baselinePath, cancellationToken).ConfigureAwait(false),
        };
        var result = await BenchmarkGrader.GradeAsync(benchmark, problems, predictions, context, null, allowMissing, predictionsPath, passAtK, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, double>? passAt = null;
        if (code && passAtK is not null)
        {
            var missing = passAtK.Where(k => k > 1 && !result.PassAtK.ContainsKey(k)).ToArray();
            if (missing.Length > 0)
            {
                throw new DataValidationException([new DataError(predictionsPath, null, "pass@k", $"pass@{string.Join(", pass@", missing)} needs at least that many outputs for every problem")]);
            }

            passAt = passAtK.Distinct().Where(result.PassAtK.ContainsKey).ToDictionary(k => $"pass@{k.ToString(CultureInfo.InvariantCulture)}", k => result.PassAtK[k], StringComparer.Ordinal);
        }

        var grade = result.Grade;
        var document = GradedResultDocument.From(grade, benchmark.Id) with { PassAtK = passAt };
        return new EvaluationReport(string.Create(CultureInfo.InvariantCulture, $"{benchmark.Id}: {grade.Score:F2}% of {grade.N} problems"))
        {
            Score = grade.Score,
            Json = ArtefactJson.Write(document, EvaluationResultJsonContext.Default.GradedResultDocument),
        };
    }

    /// <summary>
    /// Judges a model's answers against a baseline's with an LLM judge, two games per question with the positions
    /// swapped: Arena-Hard's Bradley–Terry score with a bootstrap interval, or AlpacaEval 2.0's raw and
    /// length-controlled win rates.
    /// </summary>
    /// <param name="judge">The judge model.</param>
    /// <param name="benchmark"><c>arena-hard</c> or <c>alpaca-eval</c> (also <c>alpacaeval-2.0</c>).</param>
    /// <param name="questionsPath">The questions (Arena-Hard <c>question.jsonl</c>; AlpacaEval instructions with reference outputs).</param>
    /// <param name="answersPath">The model's answers (predictions, or an Arena-Hard model-answer file).</param>
    /// <param name="baselinePath">The baseline's answers; required for Arena-Hard, AlpacaEval defaults to the questions' reference outputs.</param>
    /// <param name="modelName">The judged model's name in the result.</param>
    /// <param name="bootstrapRounds">Bootstrap rounds of the Arena-Hard interval.</param>
    /// <param name="seed">The bootstrap's seed.</param>
    /// <param name="concurrency">Judge requests in flight.</param>
    /// <param name="instructionDifficultyPath">AlpacaEval's <c>instruction_difficulty.csv</c>; with <paramref name="gamedBaselinesPath"/> the length control is <c>length_controlled_v1</c>, without both <c>length_controlled_minimal</c>.</param>
    /// <param name="gamedBaselinesPath">AlpacaEval's <c>df_gamed.csv</c>, with <paramref name="instructionDifficultyPath"/>.</param>
    /// <param name="cancellationToken">Cancels the judging.</param>
    /// <returns>The report: the headline score, its lines in words (a note first when questions lack an answer) and the judgment document.</returns>
    /// <exception cref="DataValidationException">A file is malformed; every problem is listed.</exception>
    public static async Task<EvaluationReport> JudgeAsync(
        IChatClient judge,
        string benchmark,
        string questionsPath,
        string answersPath,
        string? baselinePath = null,
        string modelName = "model",
        int bootstrapRounds = 100,
        int seed = 42,
        int concurrency = 8,
        string? instructionDifficultyPath = null,
        string? gamedBaselinesPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        bool arena = benchmark switch
        {
            "arena-hard" => true,
            "alpaca-eval" or "alpacaeval-2.0" => false,
            _ => throw new ArgumentException($"'{benchmark}' is not judged pairwise; expected arena-hard or alpaca-eval.", nameof(benchmark)),
        };
        if (arena && baselinePath is null)
        {
            throw new ArgumentNullException(nameof(baselinePath), "Arena-Hard needs the baseline's answers.");
        }

        if ((instructionDifficultyPath is null) != (gamedBaselinesPath is null))
        {
            throw new ArgumentException("length_controlled_v1 needs both the instruction difficulties and the gamed baselines.", instructionDifficultyPath is null ? nameof(instructionDifficultyPath) : nameof(gamedBaselinesPath));
        }

        var problems = await BenchmarkProblems.ReadAsync(arena ? "arena-hard" : "alpacaeval-2.0", questionsPath, cancellationToken).ConfigureAwait(false);
        var questions = problems.ToDictionary(p => p.Id, p => p.Prompt, StringComparer.Ordinal);
        var answers = await AnswerFiles.ReadAsync(answersPath, cancellationToken).ConfigureAwait(false);
        IReadOnlyDictionary<string, string> baseline = baselinePath is not null
            ? await AnswerFiles.ReadAsync(baselinePath, cancellationToken).ConfigureAwait(false)
            : problems.Where(p => p.Answer is not null).ToDictionary(p => p.Id, p => p.Answer!, StringComparer.Ordinal);
        var missing = questions.Keys.Where(q => !answers.ContainsKey(q) || !baseline.ContainsKey(q)).ToArray();
        string note = missing.Length > 0
            ? $"note: {missing.Length} question(s) lack the model's or the baseline's answer and are left out (first: {string.Join(", ", missing.Take(3))})\n"
            : string.Empty;
        var lengthControl = instructionDifficultyPath is not null
            ? await LengthControlInputs.LoadAsync(instructionDifficultyPath, gamedBaselinesPath!, cancellationToken).ConfigureAwait(false)
            : null;
        var result = await PairwiseBenchmark.ScoreAsync(
            new PairwiseJudge(judge),
            arena ? "arena-hard" : "alpaca-eval",
            questions,
            answers,
            baseline,
            modelName,
            new BradleyTerryOptions { BootstrapRounds = bootstrapRounds, Seed = seed },
            concurrency,
            lengthControl,
            cancellationToken).ConfigureAwait(false);
        string line = result is { Lower: double lower, Upper: double upper }
            ? string.Create(CultureInfo.InvariantCulture, $"arena-hard: score {result.Score:F1} | 95% CI: ({Math.Round(lower - result.Score, 1):0.0}, {Math.Round(upper - result.Score, 1):0.0}) | {lower:F1} to {upper:F1} from {result.Games} games, {result.Unjudged} without a verdict")
            : string.Create(CultureInfo.InvariantCulture, $"alpaca-eval: win rate {result.WinRate:F1}, length-controlled {result.Score:F1} from {result.Games} games, {result.Unjudged} without a verdict");
        return new EvaluationReport(note + line)
        {
            Score = result.Score,
            Json = result.ToJson(),
        };
    }

    /// <summary>
    /// AlpacaEval 2.0 raw and length-controlled win rates of every model (<c>generator_2</c>) in AlpacaEval's own
    /// <c>annotations.json</c> files, computed as AlpacaEval's code does; the baseline against itself gets 50.
    /// </summary>
    /// <param name="annotationPaths">The annotation files (<c>.json</c>, or gzip-compressed <c>.json.gz</c>); each model's games in one file, in AlpacaEval's order.</param>
    /// <param name="instructionDifficultyPath">AlpacaEval's <c>instruction_difficulty.csv</c>; with <paramref name="gamedBaselinesPath"/> the length control is <c>length_controlled_v1</c> (the leaderboard's), without both <c>length_controlled_minimal</c>.</param>
    /// <param name="gamedBaselinesPath">AlpacaEval's <c>df_gamed.csv</c>, with <paramref name="instructionDifficultyPath"/>.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>Each model's win rates, in order of first appearance.</returns>
    /// <exception cref="DataValidationException">A file is malformed or a model cannot be scored; every problem is listed with the file and the game's position.</exception>
    public static async Task<IReadOnlyList<WinRateResult>> WinRatesAsync(
        IReadOnlyList<string> annotationPaths,
        string? instructionDifficultyPath = null,
        string? gamedBaselinesPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(annotationPaths);
        if ((instructionDifficultyPath is null) != (gamedBaselinesPath is null))
        {
            throw new ArgumentException("length_controlled_v1 needs both the instruction difficulties and the gamed baselines.", instructionDifficultyPath is null ? nameof(instructionDifficultyPath) : nameof(gamedBaselinesPath));
        }

        var method = instructionDifficultyPath is null ? WinRateMethod.Minimal : WinRateMethod.LengthControlledV1;
        var inputs = instructionDifficultyPath is not null
            ? await LengthControlInputs.LoadAsync(instructionDifficultyPath, gamedBaselinesPath!, cancellationToken).ConfigureAwait(false)
            : null;
        var models = await AlpacaEvalAnnotations.ReadAsync(annotationPaths, cancellationToken).ConfigureAwait(false);
        var errors = new List<DataError>();
        var results = new List<WinRateResult>();
        foreach (var (model, baseline, games) in models)
        {
            try
            {
                results.Add(AlpacaEvalAnnotations.Score(model, baseline, games, method, inputs).Named(model));
            }
            catch (DataValidationException ex)
            {
                errors.AddRange(ex.Errors.Select(e => new DataError(e.Source, e.Line, e.Field, $"{model}: {e.Message}")));
            }
        }

        return errors.Count > 0 ? throw new DataValidationException(errors) : results;
    }
}
