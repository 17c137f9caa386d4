namespace AgoraBench;

/// <summary>Grades predictions for GSM8K or MATH against their problems.</summary>
public static class MathBenchmarkGrader
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
        var predicted = PredictionMatcher.Match(problems, predictions, allowMissing, predictionsSource);
        var items = new List<BenchmarkItemGrade>();
        foreach (var problem in problems)
        {
            if (!predicted.TryGetValue(problem.Id, out var prediction))
            {
                items.Add(new BenchmarkItemGrade(problem.Id, false, null, "missing", 0, 0));
                continue;
            }

            var grades = prediction.Outputs.Select(o => MathGrader.Grade(o, problem.Answer ?? string.Empty, extraction)).ToArray();
            items.Add(new BenchmarkItemGrade(problem.Id, grades[0].Correct, grades[0].Extracted, grades[0].Rule, grades.Count(g => g.Correct), grades.Length));
        }

        double score = 100.0 * items.Average(i => i.Samples == 0 ? 0 : (double)i.SamplesCorrect / i.Samples);
        return new BenchmarkGradeResult(score, items.Count, items);
    }
}
