namespace AgoraBench;

/// <summary>
/// What one <see cref="AgoraBenchEvaluation"/> operation produced: the lines to show a person, the score, and the
/// result document as the library writes it (the tool saves that text as it is).
/// </summary>
public sealed class EvaluationReport
{
    internal EvaluationReport(string summary)
    {
        Summary = summary;
    }

    /// <summary>Gets the outcome in words, one or more lines (for example <c>gsm8k: 61.20% of 1319 problems</c>).</summary>
    public string Summary { get; }

    /// <summary>Gets the benchmark's score (percent, or the pairwise benchmark's headline score), or <see langword="null"/> when nothing was scored.</summary>
    public double? Score { get; internal init; }

    /// <summary>Gets the result document as JSON text (the grades, or the judgment), or <see langword="null"/> when the operation writes none.</summary>
    public string? Json { get; internal init; }

    /// <summary>Gets the ids of the problems that could not be answered after every retry (empty when none failed).</summary>
    public IReadOnlyList<string> Failed { get; internal init; } = [];
}
