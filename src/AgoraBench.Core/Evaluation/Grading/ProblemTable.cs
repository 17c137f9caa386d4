using System.Globalization;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// Reads a declared benchmark's problems with any fields: JSON Lines, a JSON array of objects, or CSV with a header
/// (<c>.csv</c>; every cell a string). The id is the <c>id</c> field when present, else the 0-based record number; a
/// different id field (<c>idField</c>) must be in every record.
/// </summary>
internal static class ProblemTable
{
    /// <summary>How many records are named one by one for the same problem before the rest are counted.</summary>
    public const int RecordsNamed = 10;

    public static async Task<IReadOnlyList<BenchmarkProblem>> ReadAsync(string path, string idField, CancellationToken cancellationToken)
    {
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        var table = Read(bytes, path, idField);
        var errors = table.Errors.Concat(table.IdErrors).ToList();
        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        return table.Problems;
    }

    /// <summary>Reads every record it can and collects every problem, without throwing (plan validation uses what was read).</summary>
    public static Result Read(byte[] bytes, string path, string idField)
    {
        var errors = new List<DataError>();
        IReadOnlyList<string> header = [];
        var records = CsvRecords.IsCsv(path) ? CsvRecords.Read(bytes, path, errors, out header) : BenchmarkProblems.Records(bytes, path, errors);
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

        var fields = problems.SelectMany(p => p.Fields.Keys).Concat(header).ToHashSet(StringComparer.Ordinal);
        var idErrors = new List<DataError>();
        if (idField != "id" && problems.Count > 0)
        {
            var lacking = problems.Where(p => !p.Fields.TryGetValue(idField, out var v) || v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)).ToList();
            if (lacking.Count == problems.Count && !fields.Contains(idField))
            {
                // An abbreviation ('sym' for 'symbol') is suggested too.
                string? nearest = Suggest.Nearest(idField, fields)
                    ?? fields.Order(StringComparer.Ordinal).FirstOrDefault(f => f.StartsWith(idField, StringComparison.OrdinalIgnoreCase) || idField.StartsWith(f, StringComparison.OrdinalIgnoreCase));
                string all = string.Join(", ", fields.Order(StringComparer.Ordinal));
                idErrors.Add(new DataError(path, null, idField, nearest is null
                    ? $"no record has the id field '{idField}'; the records have {all}"
                    : $"no record has the id field '{idField}'; did you mean '{nearest}'? (the records have {all})"));
            }
            else
            {
                idErrors.AddRange(Named(lacking, path, idField, p => $"has no id: the field '{idField}' (idField) is missing or is not a string or a number"));
            }
        }

        errors.AddRange(problems.GroupBy(p => p.Id).Where(g => g.Count() > 1).Select(g => new DataError(path, g.Skip(1).First().Line, idField, $"the id '{g.Key}' appears {g.Count()} times")));
        return new Result(problems, fields, errors, idErrors);
    }

    /// <summary>The field names that appear in the problems (in any record).</summary>
    public static IReadOnlyCollection<string> FieldNames(IReadOnlyList<BenchmarkProblem> problems) =>
        problems.SelectMany(p => p.Fields.Keys).ToHashSet(StringComparer.Ordinal);

    /// <summary>One error per record (up to <see cref="RecordsNamed"/>), then one that counts the rest.</summary>
    public static IEnumerable<DataError> Named(IReadOnlyList<BenchmarkProblem> problems, string path, string field, Func<BenchmarkProblem, string> message)
    {
        foreach (var problem in problems.Take(RecordsNamed))
        {
            yield return new DataError(path, problem.Line, field, message(problem));
        }

        if (problems.Count > RecordsNamed)
        {
            yield return new DataError(path, null, field, $"… and {problems.Count - RecordsNamed} more records with the same problem");
        }
    }

    /// <summary>A file's problems as text, the first <see cref="RecordsNamed"/> one by one and then a count, so one bad file does not bury a plan's other mistakes.</summary>
    public static IEnumerable<string> Capped(IReadOnlyList<DataError> errors, string file) =>
        errors.Count <= RecordsNamed
            ? errors.Select(e => e.ToString())
            : [.. errors.Take(RecordsNamed).Select(e => e.ToString()), $"{file}: … and {errors.Count - RecordsNamed} more problems in this file"];

    /// <summary>What a read found: the records read, every field name (with a CSV header's), problems of the file, problems of the id field.</summary>
    internal sealed record Result(IReadOnlyList<BenchmarkProblem> Problems, IReadOnlyCollection<string> Fields, IReadOnlyList<DataError> Errors, IReadOnlyList<DataError> IdErrors);
}
