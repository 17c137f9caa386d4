namespace AgoraBench;

/// <summary>Grades predictions of an answer-checked benchmark: GSM8K and MATH by answer equivalence, MBPP and HumanEval in the <see cref="PythonSandbox"/>.</summary>
public static class BenchmarkGrader
{
    /// <summary>Gets a value indicating whether a benchmark is graded by checking answers (not judged pairwise).</summary>
    /// <param name="benchmark">The benchmark id.</param>
    /// <returns><see langword="true"/> for <c>gsm8k</c>, <c>math</c>, <c>mbpp</c> and <c>humaneval</c>.</returns>
    public static bool IsChecked(string benchmark) => benchmark is "gsm8k" or "math" or "mbpp" or "humaneval";

    /// <summary>Grades predictions.</summary>
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
    public static async Task<CodeGradeResult> GradeAsync(
        string benchmark,
        IReadOnlyList<BenchmarkProblem> problems,
        IReadOnlyList<Prediction> predictions,
        PythonSandbox? sandbox,
        SandboxLimits? limits = null,
        bool allowMissing = false,
        string? predictionsSource = null,
        CancellationToken cancellationToken = default)
    {
        if (benchmark is "gsm8k" or "math")
        {
            return new CodeGradeResult(MathBenchmarkGrader.Grade(problems, predictions, benchmark == "gsm8k" ? MathExtraction.First : MathExtraction.Last, allowMissing, predictionsSource), new Dictionary<int, double>(), []);
        }

        if (benchmark is not ("mbpp" or "humaneval"))
        {
            throw new ArgumentException($"'{benchmark}' is not graded by checking answers; expected gsm8k, math, mbpp or humaneval.", nameof(benchmark));
        }

        ArgumentNullException.ThrowIfNull(sandbox);
        return await CodeBenchmarkGrader.GradeAsync(benchmark, problems, predictions, sandbox, limits, allowMissing, predictionsSource, [1], cancellationToken).ConfigureAwait(false);
    }
}
