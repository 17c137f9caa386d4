namespace AgoraBench;

/// <summary>
/// Reads generator costs for a budget decision from CSV: <c>generator,usd</c> and optionally <c>instances</c> (any
/// order, other columns ignored). Every problem is reported at once with its file, line and column.
/// </summary>
internal static class BudgetCandidateCsv
{
    internal static IReadOnlyList<string> Columns { get; } = ["generator", "usd"];

    /// <summary>Reads the candidates of a budget decision.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One candidate per row.</returns>
    /// <exception cref="DataValidationException">The file has problems; each names its line and column.</exception>
    public static async Task<IReadOnlyList<BudgetCandidate>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        using var reader = new StringReader(text);
        var table = new CsvTableReader(path, Columns, ["instances"]);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = table.Read(reader, row =>
        {
            string generator = row.Text("generator");
            double usd = row.Number("usd");
            if (usd < 0)
            {
                row.Error("usd", $"{usd} is negative; a cost is 0 or more");
            }

            int? instances = null;
            if (row.Has("instances"))
            {
                long count = row.Count("instances");
                if (count < 1 || count > int.MaxValue)
                {
                    row.Error("instances", $"{count} is not a number of instances (1 or more)");
                }

                instances = (int)Math.Clamp(count, 1, int.MaxValue);
            }

            if (generator.Length > 0 && !seen.TryAdd(generator, row.Line))
            {
                row.Error("generator", $"{generator} already has a cost on line {seen[generator]}");
            }

            return row.HasErrors ? null : new BudgetCandidate(generator, usd) { Instances = instances };
        });
        table.ThrowIfErrors(rows.Count);
        return rows;
    }
}
