namespace AgoraBench;

/// <summary>What a run reads back of an evaluation's <c>result.json</c> (graded or pairwise): the score and the per-problem items.</summary>
internal sealed record EvaluationResultDocument
{
    public double? Score { get; init; }

    public IReadOnlyList<EvaluationItemDocument>? Items { get; init; }

    /// <summary>Reads a finished evaluation's result file.</summary>
    /// <exception cref="DataValidationException">The file is not a result file; the error names file, line and field.</exception>
    public static EvaluationResultDocument Read(string path) =>
        ArtefactJson.Read(File.ReadAllText(path), EvaluationJsonContext.Default.EvaluationResultDocument, path);
}
