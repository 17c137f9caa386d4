namespace AgoraBench;

/// <summary>
/// Grades HumanEval or MBPP predictions by running every sample's program in the <see cref="PythonSandbox"/>, with the
/// problem's tests in the sandbox's trusted tester (<see cref="CodePrograms.HumanEvalTest"/>, <see cref="CodePrograms.MbppTest"/>).
/// </summary>
internal static class CodeBenchmarkGrader
{
    private static readonly int[] Ks = [1, 5, 10, 100];

    /// <summary>Grades predictions. The score is pass@1 (the mean fraction of passing samples); pass@k for each requested k is in the result.</summary>
    /// <param name="benchmark"><c>humaneval</c> or <c>mbpp</c>.</param>
    /// <param name="problems">The problems.</param>
    /// <param name="predictions">The predictions, matched by <c>task_id</c>.</param>
    /// <param name="sandbox">The sandbox.</param>
    /// <param name="limits">Per-program limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="allowMissing">Whether a problem without a prediction counts as wrong instead of being an error.</param>
    /// <param name="predictionsSource">The predictions file, for error messages.</param>
    /// <param name="ks">The k values of pass@k to compute, or <see langword="null"/> for 1, 5, 10 and 100; a k larger than some problem's sample count is left out.</param>
    /// <param name="cancellationToken">Cancels the grading.</param>
    /// <returns>The result with pass@k values in <see cref="CodeGradeResult.PassAtK"/>.</returns>
    public static async Task<CodeGradeResult> GradeAsync(
        string benchmark,
        IReadOnlyList<BenchmarkProblem> problems,
        IReadOnlyList<Prediction> predictions,
        PythonSandbox sandbox,
        SandboxLimits? limits = null,
        bool allowMissing = false,
        string? predictionsSource = null,
        IReadOnlyList<int>? ks = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        if (!BenchmarkCatalog.BuiltIn.TryGet(benchmark, out var definition) || definition.Grader.Kind != "python-tests")
        {
            throw new ArgumentException("Code grading covers humaneval and mbpp.", nameof(benchmark));
        }

        var context = new GraderContext { Sandbox = sandbox, Limits = limits };
        return await BenchmarkGrader.GradeAsync(definition, problems, predictions, context, null, allowMissing, predictionsSource, ks ?? Ks, cancellationToken).ConfigureAwait(false);
    }
}
