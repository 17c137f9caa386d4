namespace AgoraBench;

/// <summary>The grade of one math answer.</summary>
/// <param name="Correct">Whether the extracted answer is equivalent to the gold answer.</param>
/// <param name="Extracted">The answer found in the output, or <see langword="null"/>.</param>
/// <param name="Rule">Which rule found it: <c>result-tag</c>, <c>boxed</c>, <c>hash-marks</c>, <c>answer-is</c>, <c>last-number</c>, or <c>none</c>.</param>
/// <param name="Match">How it matched: <c>exact</c>, <c>normalized</c>, <c>numeric</c>, <c>structure</c>, <c>text</c> or <c>expression</c>; <c>none</c> when it did not.</param>
internal sealed record MathGrade(bool Correct, string? Extracted, string Rule, string Match);
