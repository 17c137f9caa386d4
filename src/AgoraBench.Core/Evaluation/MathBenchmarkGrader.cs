namespace AgoraBench;

/// <summary>Grades predictions for GSM8K or MATH against their problems.</summary>
internal static class MathBenchmarkGrader
{
    /// <summary>Grades every problem. Each problem's score is the fraction of its outputs that are correct (pass@1 over samples).</summary>
    /// <param name="problems">The problems (with gold answers).</param>
    /// <param name="predictions">The predictions, matched by id.</param>
    /// <param name="allowMissing">Whether a problem without a prediction counts as wrong instead of being an error.</param>
    /// <param name="predictionsSource">The predictions file, for error messages.</param>
    /// <returns>The benchmark result.</returns>
    /// <exception cref="DataValidationException">A prediction names no problem, or (unless <paramref name="allowMissing"/>) a problem has no prediction; all are listed.</exception>
    public static BenchmarkGradeResult Grade(IReadOnlyList<BenchmarkProblem> problems, IReadOnlyList<Prediction> predictions, bool allowMissing = false, string? predictionsSource = null) =>
        Grade(problems, predictions, MathExtraction.Last, allowMissing, predictionsSource);

    /// <summary>Grades predictions, extracting answers in the given mode (GSM8K: <see cref="MathExtraction.First"/>, as lm-eval).</summary>
    internal static BenchmarkGradeResult Grade(IReadOnlyList<BenchmarkProblem> problems, IReadOnlyList<Prediction> predictions, MathExtraction extraction, bool allowMissing, string? predictionsSource)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(predictions);
        BenchmarkCatalog.BuiltIn.TryGet(extraction == MathExtraction.First ? EvaluationBenchmarks.Gsm8k.Id : EvaluationBenchmarks.Math.Id, out var definition);

        // The math grader answers synchronously, so this completes without blocking on I/O.
        return BenchmarkGrader.GradeAsync(definition!, problems, predictions, new GraderContext(), null, allowMissing, predictionsSource, [], CancellationToken.None)
            .GetAwaiter().GetResult().Grade;
    }
}
