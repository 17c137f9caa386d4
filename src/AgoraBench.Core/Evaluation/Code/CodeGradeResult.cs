namespace AgoraBench;

/// <summary>A graded code benchmark.</summary>
/// <param name="Grade">The score (pass@1, percent) and each problem's grade.</param>
/// <param name="PassAtK">pass@k in percent for each k that every problem has enough samples for.</param>
/// <param name="Runs">Every sample's sandbox result.</param>
public sealed record CodeGradeResult(BenchmarkGradeResult Grade, IReadOnlyDictionary<int, double> PassAtK, IReadOnlyList<SandboxResult> Runs);
