using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AgoraBench;

/// <summary>
/// Reads a CSV table with required columns, giving each row's cells by column name and collecting every problem (a
/// missing column, an empty cell, text where a number belongs) as a <see cref="DataError"/> with file, line and column.
/// </summary>
internal sealed class CsvTableReader
{
    private readonly string _source;
    private readonly IReadOnlyList<string> _required;
    private readonly IReadOnlyList<string> _optional;

    public CsvTableReader(string source, IReadOnlyList<string> required, IReadOnlyList<string>? optional = null)
    {
        _source = source;
        _required = required;
        _optional = optional ?? [];
    }

    public List<DataError> Errors { get; } = [];

    /// <summary>Reads every non-blank row; throws for header problems, collects row problems in <see cref="Errors"/>.</summary>
    public List<T> Read<T>(TextReader text, Func<Row, T?> convert)
        where T : class
    {
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var parser = new CsvParser(text, configuration);
        if (!parser.Read())
        {
            throw new DataValidationException([new DataError(_source, 1, null, "the file is empty; expected a header row: " + string.Join(",", _required))]);
        }

        var header = parser.Record ?? [];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var headerErrors = new List<DataError>();
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim().TrimStart('\uFEFF');
            if (!index.TryAdd(name, i) && (_required.Contains(name, StringComparer.OrdinalIgnoreCase) || _optional.Contains(name, StringComparer.OrdinalIgnoreCase)))
            {
                headerErrors.Add(new DataError(_source, 1, name, "the column appears more than once"));
            }
        }

        var missing = _required.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            headerErrors.Add(new DataError(_source, 1, null, $"missing column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; the header must contain {string.Join(",", _required)}"));
        }

        if (headerErrors.Count > 0)
        {
            throw new DataValidationException(headerErrors);
        }

        var results = new List<T>();
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Row(this, index, record, parser.RawRow);
            if (convert(row) is { } value && !row.HasErrors)
            {
                results.Add(value);
            }
        }

        return results;
    }

    public void ThrowIfErrors(int rows)
    {
        if (Errors.Count > 0)
        {
            throw new DataValidationException(Errors);
        }

        if (rows == 0)
        {
            throw new DataValidationException([new DataError(_source, null, null, "the file has a header but no rows")]);
        }
    }

    internal sealed class Row(CsvTableReader owner, Dictionary<string, int> index, string[] record, int line)
    {
        private int _errors;

        public int Line { get; } = line;

        public string Source => owner._source;

        public bool HasErrors => _errors > 0;

        public bool Has(string column) => index.TryGetValue(column, out int i) && i < record.Length && record[i].Length > 0;

        public string Text(string column)
        {
            string value = index.TryGetValue(column, out int i) && i < record.Length ? record[i] : string.Empty;
            if (value.Length == 0)
            {
                Error(column, "is empty");
            }

            return value;
        }

        public double Number(string column)
        {
            string text = Text(column);
            if (text.Length == 0)
            {
                return double.NaN;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                Error(column, $"'{text}' is not a number");
                return double.NaN;
            }

            if (!double.IsFinite(value))
            {
                Error(column, $"'{text}' is not a finite number");
            }

            return value;
        }

        public long Count(string column)
        {
            string text = Text(column);
            if (text.Length == 0)
            {
                return 0;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value))
            {
                Error(column, $"'{text}' is not a non-negative whole number");
            }

            return value;
        }

        public GenerationMethod Method(string column = "method")
        {
            string text = Text(column);
            if (AgoraBenchNames.TryParseMethod(text, out var method))
            {
                return method;
            }

            if (text.Length > 0)
            {
                Error(column, $"'{text}' is not a method; expected {AgoraBenchNames.InstanceGeneration}, {AgoraBenchNames.ResponseGeneration} or {AgoraBenchNames.QualityEnhancement}");
            }

            return default;
        }

        public BenchmarkDomain Domain(string column = "domain")
        {
            string text = Text(column);
            if (AgoraBenchNames.TryParseDomain(text, out var domain))
            {
                return domain;
            }

            if (text.Length > 0)
            {
                Error(column, $"'{text}' is not a domain; use {AgoraBenchNames.Math}, {AgoraBenchNames.Code}, {AgoraBenchNames.InstructionFollowing} or a declared domain's name (letters, digits, '-', '_' or '.')");
            }

            return default;
        }

        public void Error(string? column, string message)
        {
            _errors++;
            owner.Errors.Add(new DataError(owner._source, Line, column, message));
        }
    }
}
