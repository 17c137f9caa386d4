namespace AgoraBench;

/// <summary>The grade of one answer.</summary>
/// <param name="Score">The score in [0, 1], or <see langword="null"/> when the answer could not be scored.</param>
/// <param name="Reason">Why: the rule that matched, the failure, or why it is unscored.</param>
/// <param name="Extracted">The part of the answer that was graded, or <see langword="null"/>.</param>
public sealed record ItemScore(double? Score, string Reason, string? Extracted = null)
{
    /// <summary>Gets a value indicating whether the answer was scored.</summary>
    public bool IsScored => Score is not null;

    /// <summary>Gets a value indicating whether the answer earned full marks.</summary>
    public bool IsCorrect => Score >= 1.0;

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
