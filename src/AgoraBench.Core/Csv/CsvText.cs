using System.Globalization;
using CsvHelper;

namespace AgoraBench;

/// <summary>Writes small CSV tables (header, then rows) with CsvHelper's quoting, numbers in the invariant culture.</summary>
internal static class CsvText
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (string column in header)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (object? cell in row)
                {
                    csv.WriteField(cell switch
                    {
                        null => string.Empty,
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => CsvCell.Neutralize(cell.ToString() ?? string.Empty),
                    });
                }

                csv.NextRecord();
            }
        }

        return text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
