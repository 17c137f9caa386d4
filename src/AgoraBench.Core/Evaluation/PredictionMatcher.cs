namespace AgoraBench;

/// <summary>Pairs predictions with problems by id, reporting unknown ids and (unless allowed) problems without a prediction.</summary>
internal static class PredictionMatcher
{
    public static Dictionary<string, Prediction> Match(IReadOnlyList<BenchmarkProblem> problems, IReadOnlyList<Prediction> predictions, bool allowMissing, string? source)
    {
        var ids = problems.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var errors = predictions.Where(p => !ids.Contains(p.Id)).Select(p => new DataError(source, p.Line, "id", $"'{p.Id}' is not a problem id")).ToList();
        var predicted = predictions.Where(p => ids.Contains(p.Id)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var missing = problems.Where(p => !predicted.ContainsKey(p.Id)).ToArray();
        if (!allowMissing && missing.Length > 0)
        {
            errors.Add(new DataError(source, null, null, $"{missing.Length} problem(s) have no prediction (first: {string.Join(", ", missing.Take(5).Select(m => m.Id))}); pass --allow-missing to count them as wrong"));
        }

        return errors.Count > 0 ? throw new DataValidationException(errors) : predicted;
    }
}
