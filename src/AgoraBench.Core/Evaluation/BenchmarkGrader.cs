namespace AgoraBench;

/// <summary>
/// Grades a benchmark's predictions through its definition's grader (<see cref="BenchmarkDefinition.Grader"/>): the
/// built-in GSM8K and MATH by answer equivalence, MBPP and HumanEval in the <see cref="PythonSandbox"/>, and any
/// declared benchmark by its own grader kind.
/// </summary>
internal static class BenchmarkGrader
{
    /// <summary>Gets a value indicating whether a built-in benchmark is graded item by item (not judged pairwise with a Bradley-Terry or length-controlled aggregate).</summary>
    /// <param name="benchmark">The benchmark id.</param>
    /// <returns><see langword="true"/> for <c>gsm8k</c>, <c>math</c>, <c>mbpp</c> and <c>humaneval</c>.</returns>
    internal static bool IsChecked(string benchmark) => BenchmarkCatalog.BuiltIn.TryGet(benchmark, out var definition) && definition.Aggregation == "mean";

    /// <summary>Grades predictions of a built-in benchmark.</summary>
    /// <param name="benchmark"><c>gsm8k</c>, <c>math</c>, <c>mbpp</c> or <c>humaneval</c>.</param>
    /// <param name="problems">The problems.</param>
    /// <param name="predictions">The predictions, matched by id.</param>
    /// <param name="sandbox">The sandbox code runs in (required for <c>mbpp</c> and <c>humaneval</c>).</param>
    /// <param name="limits">Per-program limits, or <see langword="null"/>.</param>
    /// <param name="allowMissing">Whether a problem without a prediction counts as wrong instead of being an error.</param>
    /// <param name="predictionsSource">The predictions file, for messages.</param>
    /// <param name="cancellationToken">Cancels the grading.</param>
    /// <returns>The grade, and pass@k for code benchmarks (empty for math).</returns>
    /// <exception cref="DataValidationException">A prediction is missing or duplicated.</exception>
    internal static Task<CodeGradeResult> GradeAsync(
        string benchmark,
        IReadOnlyList<BenchmarkProblem> problems,
        IReadOnlyList<Prediction> predictions,
        PythonSandbox? sandbox,
        SandboxLimits? limits = null,
        bool allowMissing = false,
        string? predictionsSource = null,
        CancellationToken cancellationToken = default)
    {
        if (!IsChecked(benchmark) || !BenchmarkCatalog.BuiltIn.TryGet(benchmark, out var definition))
        {
            throw new ArgumentException($"'{benchmark}' is not graded by checking answers; expected gsm8k, math, mbpp or humaneval.", nameof(benchmark));
        }

        if (definition.Grader.Kind == "python-tests")
        {
            ArgumentNullException.ThrowIfNull(sandbox);
        }

        return GradeAsync(definition, problems, predictions, new GraderContext { Sandbox = sandbox, Limits = limits }, null, allowMissing, predictionsSource, null, cancellationToken);
    }

    /// <summary>Grades predictions of any benchmark whose score is the mean item score, through its grader.</summary>
    /// <param name="definition">The benchmark.</param>
    /// <param name="problems">The problems (prompts filled).</param>
    /// <param name="predictions">The predictions, matched by id.</param>
    /// <param name="context">What the grader may use (sandbox, judge, folder of relative files).</param>
    /// <param name="graders">The grader kinds, or <see langword="null"/> for the built-in ones.</param>
    /// <param name="allowMissing">Whether a problem without a prediction counts as wrong instead of being an error.</param>
    /// <param name="predictionsSource">The predictions file, for messages.</param>
    /// <param name="passAtK">The k values of pass@k, or <see langword="null"/> for the definition's.</param>
    /// <param name="cancellationToken">Cancels the grading.</param>
    /// <returns>The grade (each item's score, reason and unscored count) and pass@k.</returns>
    /// <exception cref="DataValidationException">A prediction is missing or duplicated, or the grader's options are wrong.</exception>
    public static async Task<CodeGradeResult> GradeAsync(
        BenchmarkDefinition definition,
        IReadOnlyList<BenchmarkProblem> problems,
        IReadOnlyList<Prediction> predictions,
        GraderContext context,
        GraderRegistry? graders,
        bool allowMissing = false,
        string? predictionsSource = null,
        IReadOnlyList<int>? passAtK = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        var grader = (graders ?? GraderRegistry.BuiltIn).Create(definition.Grader, context);
        int concurrency = context.Judge is null ? Environment.ProcessorCount * 2 : 8;
        return await BenchmarkScoring.GradeAsync(definition, grader, problems, predictions, allowMissing, predictionsSource, passAtK, concurrency, cancellationToken).ConfigureAwait(false);
    }
}
