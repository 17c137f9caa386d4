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
internal static class BenchmarkScoreCsv
{
    /// <summary>The required column names.</summary>
    internal static IReadOnlyList<string> Columns { get; } = ["generator", "method", "domain", "benchmark", "student", "base", "reference"];

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
    internal static IReadOnlyList<BenchmarkScore> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var table = new CsvTableReader(sourceName, Columns);
        var scores = table.Read(reader, row =>
        {
            string generator = row.Text("generator");
            var method = row.Method();
            var domain = row.Domain();
            return new BenchmarkScore(generator, method, domain, row.Text("benchmark"), row.Number("student"), row.Number("base"), row.Number("reference"))
            {
                Source = row.Source,
                Line = row.Line,
            };
        });
        table.ThrowIfErrors(scores.Count);
        return scores;
    }
}
