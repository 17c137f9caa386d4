using System.Text;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Brings a math answer (plain or LaTeX) to a canonical string: no <c>$</c>, spacing commands, <c>\left</c>/<c>\right</c>,
/// <c>\text{}</c> wrappers, degree signs, percent signs, trailing units or periods; <c>\dfrac</c>/<c>\tfrac</c> as
/// <c>\frac</c>; <c>\frac12</c> as <c>\frac{1}{2}</c>; thousands separators and trailing zeros removed; a leading
/// <c>x =</c> dropped.
/// </summary>
internal static partial class MathAnswerNormalizer
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

        // A matrix's row break "\\" is kept aside so the spacing commands below cannot eat it.
        string s = answer.Trim().Replace("\\\\", "\u0001", StringComparison.Ordinal);
        s = s.Replace("{,}", ",", StringComparison.Ordinal)
            .Replace("\\!", string.Empty, StringComparison.Ordinal)
            .Replace("\\,", string.Empty, StringComparison.Ordinal)
            .Replace("\\;", string.Empty, StringComparison.Ordinal)
            .Replace("\\:", string.Empty, StringComparison.Ordinal)
            .Replace("\\ ", " ", StringComparison.Ordinal)
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

        // "6 \text{ and } 8" is the list "6, 8"; a trailing \text{…} of words after a value is a unit ("144 \text{ ways}").
        s = TextAnd().Replace(s, ",");
        s = TrailingTextUnit().Replace(s, "$1");
        s = TextWrapper().Replace(s, "$1");
        s = s.Trim().TrimEnd('.').Trim();
        s = LeadingVariable().Replace(s, string.Empty);
        foreach (string unit in Units)
        {
            s = Regex.Replace(s, @"(?<=\d|\})\s*(?:\^\{?2\}?)?\s*" + unit + @"\b\.?$", string.Empty, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        }

        // \frac9{19}, \frac{270}7, \frac 12: each argument a digit or a brace group.
        s = ShortFrac().Replace(s, m => "\\frac{" + Unbrace(m.Groups[1].Value) + "}{" + Unbrace(m.Groups[2].Value) + "}");
        s = ShortSqrt().Replace(s, "\\sqrt{$1}");

        // A whole number followed by a fraction is a mixed number: 1\frac{4}{5} = 9/5, not 4/5.
        s = MixedNumber().Replace(s, "($1+\\frac{$2}{$3})");

        // Thousands separators only when the whole answer is one grouped number: "(1,234)" stays a pair.
        s = s.Trim();
        if (Thousands().IsMatch(s))
        {
            s = s.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        s = TrailingZeros().Replace(s, "$1").Replace("\u0001", "\\\\", StringComparison.Ordinal);
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

    private static string Unbrace(string s) => s.StartsWith('{') ? s[1..^1] : s;

    [GeneratedRegex(@"\\(?:text|textbf|mathrm|mbox|textnormal)\{([^{}]*)\}")]
    private static partial Regex TextWrapper();

    [GeneratedRegex(@"^[a-zA-Z]\s*=\s*(?=[^=]+$)")]
    private static partial Regex LeadingVariable();

    [GeneratedRegex(@"\\frac\s*(\d|\{[^{}]*\})\s*(\d|\{[^{}]*\})")]
    private static partial Regex ShortFrac();

    [GeneratedRegex(@"\s*\\(?:text|mbox|textrm|mathrm)\{\s*and\s*\}\s*")]
    private static partial Regex TextAnd();

    [GeneratedRegex(@"^(.*[\d}])\s*\\(?:text|mbox|textrm|mathrm)\{(?!\s*(?:hundred|thousand|million|billion|trillion)s?\b)\s*[A-Za-z][A-Za-z\s.]*\}\s*(?:\^\{?\d\}?)?\s*\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingTextUnit();

    [GeneratedRegex(@"(?<![\d.}\w^_])(\d+)\s*\\frac\{(\d+)\}\{(\d+)\}")]
    private static partial Regex MixedNumber();

    [GeneratedRegex(@"\\sqrt(\d+)")]
    private static partial Regex ShortSqrt();

    [GeneratedRegex(@"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"(\d+)\.0+(?!\d)")]
    private static partial Regex TrailingZeros();
}
