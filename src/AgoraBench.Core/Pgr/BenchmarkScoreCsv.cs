using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace AgoraBench;

/// <summary>
/// Reads benchmark scores from CSV with the columns <c>generator,method,domain,benchmark,student,base,reference</c>
/// (any order, case-insensitive; other columns are ignored).
/// </summary>
/// <remarks>
/// Every problem is reported at once in a <see cref="DataValidationException"/> naming the file, line and column: a
/// missing column, an empty cell, text where a score belongs, an unknown method or domain. Scores use <c>.</c> as the
/// decimal separator.
/// </remarks>
public static class BenchmarkScoreCsv
{
    /// <summary>The required column names.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["generator", "method", "domain", "benchmark", "student", "base", "reference"];

    /// <summary>Reads a score file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The scores, each carrying its file and line.</returns>
    /// <exception cref="DataValidationException">The file is malformed; every problem is listed.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<IReadOnlyList<BenchmarkScore>> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StringReader(text);
        return Read(reader, path);
    }

    /// <summary>Reads scores from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages, usually the file path.</param>
    /// <returns>The scores, each carrying its source and line.</returns>
    /// <exception cref="DataValidationException">The data is malformed; every problem is listed.</exception>
    public static IReadOnlyList<BenchmarkScore> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = null,
            DetectColumnCountChanges = false,
        };
        using var parser = new CsvParser(reader, configuration);
        var errors = new List<DataError>();
        var scores = new List<BenchmarkScore>();

        if (!parser.Read())
        {
            throw new DataValidationException([new DataError(sourceName, 1, null, "the file is empty; expected a header row: " + string.Join(",", Columns))]);
        }

        var header = parser.Record ?? [];
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i].Trim().TrimStart('\uFEFF');
            if (!index.TryAdd(name, i) && Columns.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(new DataError(sourceName, 1, name, "the column appears more than once"));
            }
        }

        var missing = Columns.Where(c => !index.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            errors.Add(new DataError(sourceName, 1, null, $"missing column{(missing.Length > 1 ? "s" : string.Empty)} {string.Join(", ", missing)}; the header must contain {string.Join(",", Columns)}"));
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        while (parser.Read())
        {
            int line = parser.RawRow;
            var record = parser.Record ?? [];
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            int before = errors.Count;
            string Cell(string column)
            {
                int i = index[column];
                string value = i < record.Length ? record[i] : string.Empty;
                if (value.Length == 0)
                {
                    errors.Add(new DataError(sourceName, line, column, "is empty"));
                }

                return value;
            }

            double Number(string column)
            {
                string text = Cell(column);
                if (text.Length == 0)
                {
                    return double.NaN;
                }

                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    errors.Add(new DataError(sourceName, line, column, $"'{text}' is not a number"));
                    return double.NaN;
                }

                if (!double.IsFinite(value))
                {
                    errors.Add(new DataError(sourceName, line, column, $"'{text}' is not a finite number"));
                }

                return value;
            }

            string generator = Cell("generator");
            string methodText = Cell("method");
            string domainText = Cell("domain");
            string benchmark = Cell("benchmark");
            double student = Number("student");
            double @base = Number("base");
            double reference = Number("reference");

            GenerationMethod method = default;
            if (methodText.Length > 0 && !AgoraBenchNames.TryParseMethod(methodText, out method))
            {
                errors.Add(new DataError(sourceName, line, "method", $"'{methodText}' is not a method; expected {AgoraBenchNames.InstanceGeneration}, {AgoraBenchNames.ResponseGeneration} or {AgoraBenchNames.QualityEnhancement}"));
            }

            BenchmarkDomain domain = default;
            if (domainText.Length > 0 && !AgoraBenchNames.TryParseDomain(domainText, out domain))
            {
                errors.Add(new DataError(sourceName, line, "domain", $"'{domainText}' is not a domain; expected {AgoraBenchNames.Math}, {AgoraBenchNames.Code} or {AgoraBenchNames.InstructionFollowing}"));
            }

            if (errors.Count == before)
            {
                scores.Add(new BenchmarkScore(generator, method, domain, benchmark, student, @base, reference) { Source = sourceName, Line = line });
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        if (scores.Count == 0)
        {
            throw new DataValidationException([new DataError(sourceName, null, null, "the file has a header but no scores")]);
        }

        return scores;
    }
}
