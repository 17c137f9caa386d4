namespace AgoraBench;

/// <summary>The grade of one answer.</summary>
public sealed class ItemScore
{
    /// <summary>Initializes a new instance of the <see cref="ItemScore"/> class.</summary>
    /// <param name="score">The score in [0, 1], or <see langword="null"/> when the answer could not be scored.</param>
    /// <param name="reason">Why: the rule that matched, the failure, or why it is unscored.</param>
    /// <param name="extracted">The part of the answer that was graded, or <see langword="null"/>.</param>
    public ItemScore(double? score, string reason, string? extracted = null)
    {
        Score = score;
        Reason = reason;
        Extracted = extracted;
    }

    /// <summary>Gets the score in [0, 1], or <see langword="null"/> when the answer could not be scored.</summary>
    internal double? Score { get; }

    /// <summary>Gets why: the rule that matched, the failure, or why it is unscored.</summary>
    internal string Reason { get; }

    /// <summary>Gets the part of the answer that was graded, or <see langword="null"/>.</summary>
    internal string? Extracted { get; }

    /// <summary>Gets a value indicating whether the answer was scored.</summary>
    internal bool IsScored => Score is not null;

    /// <summary>Gets the sandbox run behind a code verdict, when the grader ran one (kept in <see cref="CodeGradeResult.Runs"/>).</summary>
    internal SandboxResult? Run { get; init; }

    /// <summary>Gets a value indicating whether the answer earned full marks.</summary>
    internal bool IsCorrect => Score >= 1.0;

    /// <summary>A full-marks or zero score.</summary>
    /// <param name="correct">Whether the answer is correct.</param>
    /// <param name="reason">Why.</param>
    /// <param name="extracted">The graded part of the answer.</param>
    /// <returns>The score.</returns>
    public static ItemScore Pass(bool correct, string reason, string? extracted = null) => new(correct ? 1.0 : 0.0, reason, extracted);

    /// <summary>An answer that cannot be scored (reported, and not counted as wrong).</summary>
    /// <param name="reason">Why.</param>
    /// <param name="extracted">The graded part of the answer.</param>
    /// <returns>The score.</returns>
    public static ItemScore Unscored(string reason, string? extracted = null) => new(null, reason, extracted);
}
