using System.Globalization;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Reads a 1–5 score from a judge's output: the last <c>[RESULT] n</c> (also <c>[RESULT]: n</c>, <c>[RESULT] n/5</c>),
/// else the last <c>Score: n</c> / <c>score of n</c>, else a number that ends the text. <c>4.0</c> counts as 4; a
/// fraction, a number outside 1–5 or no number at all is a failure with its own code, never a score.
/// </summary>
internal static partial class JudgeScoreParser
{
    /// <summary>Parses a judge's output.</summary>
    /// <param name="output">The judge's text.</param>
    /// <returns>The score (or a failure code) and the feedback.</returns>
    public static JudgeScore Parse(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return new JudgeScore(null, "unparsable-score", string.Empty);
        }

        foreach (var (pattern, rule) in new[] { (ResultTag(), "result-tag"), (ScoreLabel(), "score-label"), (TrailingNumber(), "trailing-number") })
        {
            var matches = pattern.Matches(output);
            if (matches.Count == 0)
            {
                continue;
            }

            var match = matches[^1];
            string feedback = output[..match.Index].Trim();
            if (feedback.StartsWith("Feedback:", StringComparison.OrdinalIgnoreCase))
            {
                feedback = feedback["Feedback:".Length..].Trim();
            }

            if (!double.TryParse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                return new JudgeScore(null, "unparsable-score", feedback);
            }

            if (value != Math.Floor(value))
            {
                return new JudgeScore(null, "non-integer-score", feedback);
            }

            if (value is < 1 or > 5)
            {
                return new JudgeScore(null, "out-of-range-score", feedback);
            }

            return new JudgeScore((int)value, rule, feedback);
        }

        return new JudgeScore(null, "unparsable-score", output.Trim());
    }

    [GeneratedRegex(@"\[RESULT\]\s*:?\s*\(?\s*(?<n>-?\d+(?:\.\d+)?)\s*\)?(?:\s*/\s*5)?", RegexOptions.IgnoreCase)]
    private static partial Regex ResultTag();

    [GeneratedRegex(@"\b(?:score|rating)\s*(?:of|is|:|=)?\s*(?<n>-?\d+(?:\.\d+)?)(?:\s*/\s*5|\s+out\s+of\s+5)?", RegexOptions.IgnoreCase)]
    private static partial Regex ScoreLabel();

    [GeneratedRegex(@"(?<n>-?\d+(?:\.\d+)?)\s*(?:/\s*5)?\s*[.!)\]]*\s*$")]
    private static partial Regex TrailingNumber();
}
