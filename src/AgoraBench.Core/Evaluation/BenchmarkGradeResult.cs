namespace AgoraBench;

/// <summary>A graded benchmark.</summary>
/// <param name="Score">The score in percent (mean over problems of the fraction of correct outputs).</param>
/// <param name="N">The number of problems.</param>
/// <param name="Items">Each problem's grade.</param>
public sealed record BenchmarkGradeResult(double Score, int N, IReadOnlyList<BenchmarkItemGrade> Items)
{
    /// <summary>Formats the result as <c>{"benchmark", "score", "n", "items": [{"id", "correct", "extracted", "rule", …}]}</c>.</summary>
    /// <param name="benchmark">The benchmark id.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(string benchmark) =>
        ArtefactJson.Write(GradedResultDocument.From(this, benchmark), EvaluationResultJsonContext.Default.GradedResultDocument);
}
