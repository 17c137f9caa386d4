using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Reads the last <c>[[A&gt;&gt;B]]</c> … <c>[[B&gt;&gt;A]]</c> label from a judge's output.</summary>
internal static partial class PairwiseVerdictParser
{
    /// <summary>Parses a judge's output.</summary>
    /// <param name="output">The output.</param>
    /// <returns>The verdict, or <see langword="null"/> when there is no label.</returns>
    public static PairwiseVerdict? Parse(string? output)
    {
        if (string.IsNullOrEmpty(output))
        {
            return null;
        }

        var matches = Label().Matches(output);
        if (matches.Count == 0)
        {
            return null;
        }

        return matches[^1].Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal) switch
        {
            "A>>B" => PairwiseVerdict.AMuchBetter,
            "A>B" => PairwiseVerdict.ABetter,
            "A=B" or "B=A" => PairwiseVerdict.Tie,
            "B>A" => PairwiseVerdict.BBetter,
            "B>>A" => PairwiseVerdict.BMuchBetter,
            _ => null,
        };
    }

    [GeneratedRegex(@"\[\[\s*([AB]\s*(?:>>|>|=)\s*[AB])\s*\]\]")]
    private static partial Regex Label();
}
