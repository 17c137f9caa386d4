namespace AgoraBench;

/// <summary>
/// Grades HumanEval or MBPP predictions by running every sample's program in the <see cref="PythonSandbox"/>, with the
/// problem's tests in the sandbox's trusted tester (<see cref="CodePrograms.HumanEvalTest"/>, <see cref="CodePrograms.MbppTest"/>).
/// </summary>
public static class CodeBenchmarkGrader
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
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(sandbox);
        Func<BenchmarkProblem, string, PythonTestProgram> assemble = EvaluationBenchmarks.TryFind(benchmark, out var known) && known.Id == "humaneval"
            ? CodePrograms.HumanEvalTest
            : known?.Id == "mbpp" ? CodePrograms.MbppTest : throw new ArgumentException("Code grading covers humaneval and mbpp.", nameof(benchmark));

        var predicted = PredictionMatcher.Match(problems, predictions, allowMissing, predictionsSource);
        var runs = problems
            .Where(p => predicted.ContainsKey(p.Id))
            .SelectMany(p => predicted[p.Id].Outputs.Select((o, s) => (Problem: p, Sample: s, Program: assemble(p, o))))
            .ToArray();
        var results = new SandboxResult[runs.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, runs.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount * 2), CancellationToken = cancellationToken },
            async (i, token) => results[i] = await sandbox.RunAsync(runs[i].Program, limits, token).ConfigureAwait(false)).ConfigureAwait(false);

        var byProblem = runs.Select((r, i) => (r.Problem.Id, r.Sample, Result: results[i])).GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Sample).Select(r => r.Result).ToArray(), StringComparer.Ordinal);
        var items = problems.Select(p => byProblem.TryGetValue(p.Id, out var samples)
            ? new BenchmarkItemGrade(p.Id, samples[0].Passed, samples[0].Status, samples[0].Status, samples.Count(s => s.Passed), samples.Length)
            : new BenchmarkItemGrade(p.Id, false, null, "missing", 0, 0)).ToArray();
        double score = 100.0 * items.Average(i => i.Samples == 0 ? 0 : (double)i.SamplesCorrect / i.Samples);
        int minSamples = items.Where(i => i.Samples > 0).Select(i => i.Samples).DefaultIfEmpty(0).Min();
        var passAtK = new Dictionary<int, double>();
        foreach (int k in (ks ?? Ks).Where(k => k >= 1 && k <= minSamples).Distinct())
        {
            passAtK[k] = 100.0 * items.Average(i => i.Samples == 0 ? 0 : PassAtK.Estimate(i.Samples, i.SamplesCorrect, k));
        }

        return new CodeGradeResult(new BenchmarkGradeResult(score, items.Length, items), passAtK, [.. results]);
    }
}
