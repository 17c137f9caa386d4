namespace AgoraBench;

/// <summary>The result of parsing a judge's output.</summary>
/// <param name="Score">The score, 1–5, or <see langword="null"/> when none could be read.</param>
/// <param name="Rule">Which rule found it: <c>result-tag</c>, <c>score-label</c> or <c>trailing-number</c>; or the failure code: <c>unparsable-score</c>, <c>out-of-range-score</c>, <c>non-integer-score</c>.</param>
/// <param name="Feedback">The text before the score (the judge's reason), trimmed.</param>
internal sealed record JudgeScore(int? Score, string Rule, string Feedback);
