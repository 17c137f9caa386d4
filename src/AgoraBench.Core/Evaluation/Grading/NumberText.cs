using System.Globalization;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Finds numbers written in free text and reads their values: a sign (ASCII or U+2212), a currency sign, thousands
/// groups (commas, or spaces / no-break / thin / narrow no-break spaces when every group after the first has exactly
/// three digits), a decimal part or a leading <c>.5</c>, and an exponent (<c>2.5e3</c>, <c>2.5 × 10^3</c>,
/// <c>2.5×10³</c>, <c>\times 10^{3}</c>, <c>2^10</c>). Digits that belong to a unit or a name (<c>m^3</c>, <c>m3</c>,
/// <c>CO2</c>, <c>km/h^-2</c>) are never taken as a number.
/// </summary>
internal static partial class NumberText
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>The text of the last number in <paramref name="text"/>, or <see langword="null"/> when it has none.</summary>
    public static string? Last(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var matches = Candidate().Matches(text);
        return matches.Count == 0 ? null : matches[^1].Value;
    }

    /// <summary>The value of the first number in <paramref name="text"/>, or <see langword="null"/> when it has none.</summary>
    public static double? FirstValue(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = Candidate().Match(text);
        return match.Success ? Value(match) : null;
    }

    private static double? Value(Match match)
    {
        string mantissa = match.Groups["mantissa"].Value
            .Replace(",", string.Empty, StringComparison.Ordinal);
        if (match.Groups["sep"].Success)
        {
            mantissa = mantissa.Replace(match.Groups["sep"].Value, string.Empty, StringComparison.Ordinal);
        }

        // A power of ten is parsed with the mantissa, so 6.02 × 10^23 reads exactly as 6.02e23 does.
        string exponent = match.Groups["e"].Success ? match.Groups["e"].Value : match.Groups["sup"].Success ? match.Groups["sup"].Value : "0";
        string written = string.Create(CultureInfo.InvariantCulture, $"{mantissa}e{Integer(exponent)}");
        if (!double.TryParse(written, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double value))
        {
            return null;
        }

        if (match.Groups["power"].Success)
        {
            value = Math.Pow(value, Integer(match.Groups["power"].Value));
        }

        bool negative = match.Groups["sign"].Value is "-" or "\u2212";
        return negative ? -value : value;
    }

    /// <summary>An exponent's digits (ASCII or superscript) with an optional sign, as an integer.</summary>
    private static int Integer(string text)
    {
        int sign = 1;
        int value = 0;
        foreach (char c in text)
        {
            if (c is '-' or '\u2212' or '⁻')
            {
                sign = -1;
            }
            else if (c is >= '0' and <= '9')
            {
                value = checked((value * 10) + (c - '0'));
            }
            else if (Superscripts.IndexOf(c, StringComparison.Ordinal) is int digit and >= 0)
            {
                value = checked((value * 10) + digit);
            }
        }

        return sign * value;
    }

    // Start: not inside a word or unit (a Latin, Greek or micro letter, '_'), not an exponent (^3, ^-3), not the middle
    // of another number (a digit, or a digit then '.'). Mantissa: comma groups, one kind of space groups, plain digits,
    // or a bare decimal part. Exponent: e/E, a times sign with 10^n or 10 with superscripts, or a power ^n.
    [GeneratedRegex(
        """
        (?<![A-Za-z\u00B5\u00C0-\u024F\u0370-\u03FF_^0-9]|[0-9]\.|\^[-+\u2212])
        (?<sign>[-+\u2212])?\p{Sc}?
        (?<mantissa>
            [0-9]{1,3}(?:,[0-9]{3}(?![0-9]))+(?:\.[0-9]+)?
          | [0-9]{1,3}(?<sep>[\x20\u00A0\u2009\u202F])[0-9]{3}(?![0-9])(?:\k<sep>[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?
          | [0-9]+(?:\.[0-9]+)?
          | \.[0-9]+
        )
        (?:
            [eE](?<e>[-+\u2212]?[0-9]+)(?![A-Za-z])
          | \x20?(?:[x\u00D7\u00B7*]|\\times|\\cdot)\x20?10(?:\^\{?(?<e>[-+\u2212]?[0-9]+)\}?|(?<sup>[\u207A\u207B]?[\u2070\u00B9\u00B2\u00B3\u2074-\u2079]+))
          | \^\{?(?<power>[-+\u2212]?[0-9]+)\}?
        )?
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Candidate();
}
