namespace AgoraBench;

/// <summary>
/// Reads the long-format CSV tables of an analysis: PGR (<c>generator,method,domain,pgr</c>), intrinsic metrics
/// (<c>generator,method,domain,metric,value</c>), problem-solving (<c>generator,benchmark,score</c>) and prices
/// (<c>generator,usd_per_1m_input,usd_per_1m_output</c>).
/// </summary>
/// <remarks>Columns may come in any order and other columns are ignored. Every problem is reported at once, with file, line and column.</remarks>
internal static class AnalysisTableCsv
{
    /// <summary>Reads PGR cells.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The cells.</returns>
    /// <exception cref="DataValidationException">The file is malformed.</exception>
    public static async Task<IReadOnlyList<SettingPgr>> ReadPgrAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadPgr(reader, path);
    }

    /// <summary>Reads PGR cells from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The cells.</returns>
    /// <exception cref="DataValidationException">The data is malformed.</exception>
    internal static IReadOnlyList<SettingPgr> ReadPgr(TextReader reader, string sourceName) =>
        Read(reader, sourceName, ["generator", "method", "domain", "pgr"], row =>
            new SettingPgr(row.Text("generator"), AgoraBenchSettings.Get(row.Method(), row.Domain()), row.Number("pgr")));

    /// <summary>Reads intrinsic metric values.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The values.</returns>
    /// <exception cref="DataValidationException">The file is malformed.</exception>
    public static async Task<IReadOnlyList<IntrinsicMetricValue>> ReadIntrinsicMetricsAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadIntrinsicMetrics(reader, path);
    }

    /// <summary>Reads intrinsic metric values from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The values.</returns>
    /// <exception cref="DataValidationException">The data is malformed.</exception>
    internal static IReadOnlyList<IntrinsicMetricValue> ReadIntrinsicMetrics(TextReader reader, string sourceName) =>
        Read(reader, sourceName, ["generator", "method", "domain", "metric", "value"], row =>
            new IntrinsicMetricValue(row.Text("generator"), AgoraBenchSettings.Get(row.Method(), row.Domain()), row.Text("metric"), row.Number("value")));

    /// <summary>Reads problem-solving scores.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="DataValidationException">The file is malformed.</exception>
    public static async Task<IReadOnlyList<ProblemSolvingScore>> ReadProblemSolvingAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadProblemSolving(reader, path);
    }

    /// <summary>Reads problem-solving scores from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The scores.</returns>
    /// <exception cref="DataValidationException">The data is malformed.</exception>
    internal static IReadOnlyList<ProblemSolvingScore> ReadProblemSolving(TextReader reader, string sourceName) =>
        Read(reader, sourceName, ["generator", "benchmark", "score"], row =>
            new ProblemSolvingScore(row.Text("generator"), row.Text("benchmark"), row.Number("score")));

    /// <summary>Reads prices.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The prices.</returns>
    /// <exception cref="DataValidationException">The file is malformed.</exception>
    public static async Task<IReadOnlyList<GeneratorPrice>> ReadPricesAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadPrices(reader, path);
    }

    /// <summary>Reads prices from CSV text.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The prices.</returns>
    /// <exception cref="DataValidationException">The data is malformed.</exception>
    internal static IReadOnlyList<GeneratorPrice> ReadPrices(TextReader reader, string sourceName) =>
        Read(reader, sourceName, ["generator", "usd_per_1m_input", "usd_per_1m_output"], row =>
        {
            var price = new GeneratorPrice(row.Text("generator"), row.Number("usd_per_1m_input"), row.Number("usd_per_1m_output"));
            if (price.InputUsdPerMillionTokens < 0 || price.OutputUsdPerMillionTokens < 0)
            {
                row.Error(null, "prices must not be negative");
            }

            return price;
        });

    /// <summary>Reads recorded token usage.</summary>
    /// <param name="path">The CSV file: <c>generator,instances,input_tokens,output_tokens</c>.</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The usage rows.</returns>
    /// <exception cref="DataValidationException">The file is malformed.</exception>
    public static async Task<IReadOnlyList<GenerationUsage>> ReadUsageAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadUsage(reader, path);
    }

    /// <summary>Reads recorded token usage from CSV text (<c>generator,instances,input_tokens,output_tokens</c>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The usage rows.</returns>
    /// <exception cref="DataValidationException">The data is malformed.</exception>
    internal static IReadOnlyList<GenerationUsage> ReadUsage(TextReader reader, string sourceName) =>
        Read(reader, sourceName, ["generator", "instances", "input_tokens", "output_tokens"], row =>
        {
            string generator = row.Text("generator");
            long instances = row.Count("instances");
            long input = row.Count("input_tokens");
            long output = row.Count("output_tokens");
            return new GenerationUsage(generator, instances, input, output);
        });

    /// <summary>Reads measured scaling points.</summary>
    /// <param name="path">The CSV file: <c>generator,instances,pgr</c> (overall PGR at that many instances per setting).</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The points.</returns>
    /// <exception cref="DataValidationException">The file is malformed.</exception>
    public static async Task<IReadOnlyList<ScalingPoint>> ReadScalingPointsAsync(string path, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return ReadScalingPoints(reader, path);
    }

    /// <summary>Reads measured scaling points from CSV text (<c>generator,instances,pgr</c>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <returns>The points.</returns>
    /// <exception cref="DataValidationException">The data is malformed.</exception>
    internal static IReadOnlyList<ScalingPoint> ReadScalingPoints(TextReader reader, string sourceName) =>
        Read(reader, sourceName, ["generator", "instances", "pgr"], row =>
        {
            string generator = row.Text("generator");
            long instances = row.Count("instances");
            if (instances > int.MaxValue)
            {
                row.Error("instances", "is too large");
            }

            return new ScalingPoint(generator, (int)Math.Min(instances, int.MaxValue), row.Number("pgr"));
        });

    private static async Task<StringReader> OpenAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new StringReader(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
    }

    private static List<T> Read<T>(TextReader reader, string sourceName, string[] columns, Func<CsvTableReader.Row, T> convert)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var table = new CsvTableReader(sourceName, columns);
        var rows = table.Read(reader, convert);
        table.ThrowIfErrors(rows.Count);
        return rows;
    }
}
