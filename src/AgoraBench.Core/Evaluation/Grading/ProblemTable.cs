using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace AgoraBench;

/// <summary>
/// Reads a declared benchmark's problems with any fields: JSON Lines, a JSON array of objects, or CSV with a header
/// (<c>.csv</c>; every cell a string). The id is the <c>id</c> field when present, else the 0-based record number.
/// </summary>
internal static class ProblemTable
{
    public static async Task<IReadOnlyList<BenchmarkProblem>> ReadAsync(string path, string idField, CancellationToken cancellationToken)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var errors = new List<DataError>();
        var records = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv(bytes, path, errors) : BenchmarkProblems.Records(bytes, path, errors);
        var problems = new List<BenchmarkProblem>();
        int position = 0;
        foreach (var (line, record) in records)
        {
            string id = record.TryGetProperty(idField, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? (value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
                : position.ToString(CultureInfo.InvariantCulture);
            problems.Add(new BenchmarkProblem(id, string.Empty, null, line) { Fields = record.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal) });
            position++;
        }

        if (problems.Count == 0 && errors.Count == 0)
        {
            errors.Add(new DataError(path, null, null, "the file has no problems"));
        }

        errors.AddRange(problems.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => new DataError(path, g.Skip(1).First().Line, idField, $"the id '{g.Key}' appears {g.Count()} times")));
        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        return problems;
    }

    /// <summary>The field names that appear in the problems (in any record).</summary>
    public static IReadOnlyCollection<string> FieldNames(IReadOnlyList<BenchmarkProblem> problems) =>
        problems.SelectMany(p => p.Fields.Keys).ToHashSet(StringComparer.Ordinal);

    private static List<(int Line, JsonElement Record)> Csv(byte[] bytes, string path, List<DataError> errors)
    {
        var rows = new List<(int, JsonElement)>();
        using var text = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(text, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false });
        if (!parser.Read() || parser.Record is not { } header)
        {
            errors.Add(new DataError(path, 1, null, "the file is empty; expected a header row"));
            return rows;
        }

        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Length != header.Length)
            {
                errors.Add(new DataError(path, parser.RawRow, null, $"the row has {record.Length} cells; the header has {header.Length}"));
                continue;
            }

            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (int i = 0; i < header.Length; i++)
                {
                    json.WriteString(header[i], record[i]);
                }

                json.WriteEndObject();
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            rows.Add((parser.RawRow, document.RootElement.Clone()));
        }

        return rows;
    }
}
