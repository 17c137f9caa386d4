namespace AgoraBench;

/// <summary>A graded benchmark.</summary>
internal sealed class BenchmarkGradeResult
{
    internal BenchmarkGradeResult(double score, int n, IReadOnlyList<BenchmarkItemGrade> items)
    {
        Score = score;
        N = n;
        Items = items;
    }

    /// <summary>Gets the score in percent (mean over problems of the fraction of correct outputs).</summary>
    public double Score { get; }

    /// <summary>Gets the number of problems.</summary>
    public int N { get; }

    /// <summary>Gets each problem's grade.</summary>
    public IReadOnlyList<BenchmarkItemGrade> Items { get; }

    /// <summary>Formats the result as <c>{"benchmark", "score", "n", "items": [{"id", "correct", "extracted", "rule", …}]}</c>.</summary>
    /// <param name="benchmark">The benchmark id.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(string benchmark) =>
        ArtefactJson.Write(GradedResultDocument.From(this, benchmark), EvaluationResultJsonContext.Default.GradedResultDocument);
}
