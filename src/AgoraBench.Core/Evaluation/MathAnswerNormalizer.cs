using System.Text;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Brings a math answer (plain or LaTeX) to a canonical string: no <c>$</c>, spacing commands, <c>\left</c>/<c>\right</c>,
/// <c>\text{}</c> wrappers, degree signs, percent signs, trailing units or periods; <c>\dfrac</c>/<c>\tfrac</c> as
/// <c>\frac</c>; <c>\frac12</c> as <c>\frac{1}{2}</c>; thousands separators and trailing zeros removed; a leading
/// <c>x =</c> dropped.
/// </summary>
public static partial class MathAnswerNormalizer
{
    private static readonly string[] Units =
    [
        "dollars", "dollar", "cents", "cent", "units", "unit", "degrees", "degree", "meters", "meter", "centimeters", "cm", "inches", "inch",
        "feet", "foot", "miles", "mile", "hours", "hour", "minutes", "minute", "seconds", "second", "days", "day", "square", "sq", "mph", "km", "kg", "pounds", "pound",
    ];

    /// <summary>Normalizes an answer.</summary>
    /// <param name="answer">The answer.</param>
    /// <returns>The canonical form.</returns>
    public static string Normalize(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return string.Empty;
        }

        string s = answer.Trim();
        s = s.Replace("\\!", string.Empty, StringComparison.Ordinal)
            .Replace("\\,", string.Empty, StringComparison.Ordinal)
            .Replace("\\;", string.Empty, StringComparison.Ordinal)
            .Replace("\\:", string.Empty, StringComparison.Ordinal)
            .Replace("\\ ", string.Empty, StringComparison.Ordinal)
            .Replace("\\left", string.Empty, StringComparison.Ordinal)
            .Replace("\\right", string.Empty, StringComparison.Ordinal)
            .Replace("\\displaystyle", string.Empty, StringComparison.Ordinal)
            .Replace("\\dfrac", "\\frac", StringComparison.Ordinal)
            .Replace("\\tfrac", "\\frac", StringComparison.Ordinal)
            .Replace("^\\circ", string.Empty, StringComparison.Ordinal)
            .Replace("^{\\circ}", string.Empty, StringComparison.Ordinal)
            .Replace("°", string.Empty, StringComparison.Ordinal)
            .Replace("\\%", string.Empty, StringComparison.Ordinal)
            .Replace("%", string.Empty, StringComparison.Ordinal)
            .Replace("\\$", string.Empty, StringComparison.Ordinal)
            .Replace("$", string.Empty, StringComparison.Ordinal);
        s = TextWrapper().Replace(s, "$1");
        s = s.Trim().TrimEnd('.').Trim();
        s = LeadingVariable().Replace(s, string.Empty);
        foreach (string unit in Units)
        {
            s = Regex.Replace(s, @"(?<=\d|\})\s*(?:\^\{?2\}?)?\s*" + unit + @"\b\.?$", string.Empty, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        s = ShortFrac().Replace(s, "\\frac{$1}{$2}");
        s = ShortSqrt().Replace(s, "\\sqrt{$1}");
        s = Thousands().Replace(s, m => m.Value.Replace(",", string.Empty, StringComparison.Ordinal));
        s = TrailingZeros().Replace(s, "$1");
        var compact = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                compact.Append(c);
            }
        }

        return compact.ToString();
    }

    [GeneratedRegex(@"\\(?:text|textbf|mathrm|mbox|textnormal)\{([^{}]*)\}")]
    private static partial Regex TextWrapper();

    [GeneratedRegex(@"^[a-zA-Z]\s*=\s*(?=[^=]+$)")]
    private static partial Regex LeadingVariable();

    [GeneratedRegex(@"\\frac(\d)(\d)")]
    private static partial Regex ShortFrac();

    [GeneratedRegex(@"\\sqrt(\d+)")]
    private static partial Regex ShortSqrt();

    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"(\d+)\.0+(?!\d)")]
    private static partial Regex TrailingZeros();
}
