using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace AgoraBench;

/// <summary>
/// Reads a CSV file with a header row as JSON objects (every cell a string), each with the line its row starts on;
/// used by declared benchmarks' problems files and by seed files. Blank rows carry no record.
/// </summary>
internal static class CsvRecords
{
    /// <summary>Whether a file is read as CSV (by its extension).</summary>
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rows as objects keyed by the header; a row with the wrong number of cells is reported and skipped.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="errors">Receives every problem.</param>
    /// <param name="header">The header's column names (empty when the file has none).</param>
    public static List<(int Line, JsonElement Record)> Read(byte[] bytes, string path, List<DataError> errors, out IReadOnlyList<string> header)
    {
        var rows = new List<(int, JsonElement)>();
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false });
        if (!parser.Read() || parser.Record is not { } columns)
        {
            errors.Add(new DataError(path, 1, null, "the file is empty; expected a header row"));
            header = [];
            return rows;
        }

        header = columns;
        foreach (var duplicate in columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add(new DataError(path, 1, duplicate.Key, $"the header names the column '{duplicate.Key}' {duplicate.Count()} times"));
        }

        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // RawRow is the row's last line; a quoted cell may span several lines, so count back to where the row starts.
            int line = parser.RawRow - parser.RawRecord.TrimEnd('\r', '\n').Count(c => c == '\n');
            if (record.Length != columns.Length)
            {
                errors.Add(new DataError(path, line, null, $"the row has {record.Length} cells; the header has {columns.Length}"));
                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (int i = 0; i < columns.Length; i++)
                {
                    json.WriteString(columns[i], record[i]);
                }

                json.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            rows.Add((line, document.RootElement.Clone()));
        }

        return rows;
    }
}
