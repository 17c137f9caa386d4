namespace AgoraBench;

/// <summary>
/// Grades a benchmark's predictions item by item through its grader: each problem scores the mean of its scored
/// samples; the benchmark scores the mean over problems (in percent). Unscored samples are counted and reported, not
/// counted as wrong; a problem whose samples are all unscored is left out of the mean.
/// </summary>
internal static class BenchmarkScoring
{
    public static async Task<CodeGradeResult> GradeAsync(
        BenchmarkDefinition definition,
        IBenchmarkGrader grader,
        IReadOnlyList<BenchmarkProblem> problems,
        IReadOnlyList<Prediction> predictions,
        bool allowMissing,
        string? predictionsSource,
        IReadOnlyList<int>? ks,
        int concurrency,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(predictions);
        var predicted = PredictionMatcher.Match(problems, predictions, allowMissing, predictionsSource);
        var runs = problems
            .Where(p => predicted.ContainsKey(p.Id))
            .SelectMany(p => predicted[p.Id].Outputs.Select((o, s) => (Problem: p, Sample: s, Output: o)))
            .ToArray();
        using var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.GradingSpan);
        activity?.SetTag(AgoraBenchTelemetry.BenchmarkAttribute, definition.Id);
        activity?.SetTag(AgoraBenchTelemetry.ItemsAttribute, runs.Length);
        var scores = new ItemScore[runs.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, runs.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrency), CancellationToken = cancellationToken },
            async (i, token) => scores[i] = await grader.GradeAsync(new GradingItem(runs[i].Problem, runs[i].Output, runs[i].Problem.Prompt), token).ConfigureAwait(false)).ConfigureAwait(false);

        if (Telemetry.Graded.Enabled)
        {
            foreach (var graded in scores)
            {
                Telemetry.Graded.Add(1, new(AgoraBenchTelemetry.BenchmarkAttribute, definition.Id), new(AgoraBenchTelemetry.OutcomeAttribute, !graded.IsScored ? "unscored" : graded.IsCorrect ? "correct" : "incorrect"));
            }
        }

        var byProblem = runs.Select((r, i) => (r.Problem.Id, r.Sample, Score: scores[i]))
            .GroupBy(r => r.Id)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Sample).Select(r => r.Score).ToArray(), StringComparer.Ordinal);
        var items = problems.Select(p => byProblem.TryGetValue(p.Id, out var samples)
            ? new BenchmarkItemGrade(p.Id, samples[0].IsCorrect, samples[0].Extracted, samples[0].Reason, samples.Count(s => s.IsCorrect), samples.Length)
            {
                Points = samples.Sum(s => s.Score ?? 0),
                Unscored = samples.Count(s => !s.IsScored),
            }
            : new BenchmarkItemGrade(p.Id, false, null, "missing", 0, 0)).ToArray();
        var counted = items.Where(i => i.Samples == 0 || i.Unscored < i.Samples).ToArray();
        double score = counted.Length == 0 ? 0 : 100.0 * counted.Average(i => i.Samples == 0 ? 0 : i.Points / (i.Samples - i.Unscored));
        int minSamples = items.Where(i => i.Samples > 0).Select(i => i.Samples).DefaultIfEmpty(0).Min();
        var passAtK = new Dictionary<int, double>();
        foreach (int k in (ks ?? definition.PassAtK).Where(k => k >= 1 && k <= minSamples).Distinct())
        {
            passAtK[k] = 100.0 * items.Average(i => i.Samples == 0 ? 0 : PassAtK.Estimate(i.Samples, i.SamplesCorrect, k));
        }

        return new CodeGradeResult(new BenchmarkGradeResult(score, items.Length, items), passAtK, scores.Where(s => s.Run is not null).Select(s => s.Run!).ToArray());
    }
}
