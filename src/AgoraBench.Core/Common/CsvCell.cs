using System.Globalization;

namespace AgoraBench;

/// <summary>
/// One CSV text cell, safe to open in a spreadsheet: a cell a spreadsheet would run as a formula (it starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, per OWASP's CSV injection guidance) gets a
/// leading apostrophe, unless it is a plain number such as <c>-3.5</c>; then the cell is quoted when it holds a comma,
/// a quote or a line break.
/// </summary>
internal static class CsvCell
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>The text with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Neutralize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || Array.IndexOf(FormulaStarts, text[0]) < 0
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return text;
        }

        return "'" + text;
    }

    /// <summary>The cell as written in a CSV line: neutralized, then quoted when needed.</summary>
    public static string Field(string text)
    {
        string safe = Neutralize(text);
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
