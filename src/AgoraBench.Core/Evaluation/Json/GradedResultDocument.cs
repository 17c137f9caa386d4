namespace AgoraBench;

/// <summary>A graded benchmark's <c>result.json</c>: the score, the number of problems, the outputs nobody could score and each problem's grade.</summary>
internal sealed record GradedResultDocument
{
    public required string Benchmark { get; init; }

    /// <summary>Gets the evaluated model, or <see langword="null"/> (a run names it; <see cref="BenchmarkGradeResult.ToJson"/> does not).</summary>
    public string? Model { get; init; }

    public required double Score { get; init; }

    public required int N { get; init; }

    /// <summary>Gets how many outputs could not be scored, or <see langword="null"/> when every one was.</summary>
    public int? Unscored { get; init; }

    public required IReadOnlyList<GradedItemDocument> Items { get; init; }

    /// <summary>Gets pass@k by <c>pass@k</c> name (code benchmarks graded with requested k values), or <see langword="null"/>.</summary>
    public IReadOnlyDictionary<string, double>? PassAtK { get; init; }

    public static GradedResultDocument From(BenchmarkGradeResult result, string benchmark) => new()
    {
        Benchmark = benchmark,
        Score = result.Score,
        N = result.N,
        Unscored = result.Items.Sum(i => i.Unscored) is > 0 and int unscored ? unscored : null,
        Items = [.. result.Items.Select(GradedItemDocument.From)],
    };
}
