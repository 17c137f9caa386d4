namespace AgoraBench;

/// <summary><c>metrics.json</c>: <c>{"metrics": {name: {...}}}</c>, the metrics in the order they ran.</summary>
internal sealed record IntrinsicMetricsDocument(IReadOnlyDictionary<string, IntrinsicMetricDocument> Metrics)
{
    public static IntrinsicMetricsDocument From(IntrinsicMetricsReport report) =>
        new(report.Results.ToDictionary(r => r.Name, IntrinsicMetricDocument.From, StringComparer.Ordinal));

    /// <summary>Reads a <c>metrics.json</c> file.</summary>
    /// <exception cref="DataValidationException">The file is not a metrics file; the error names file, line and field.</exception>
    public static async Task<IntrinsicMetricsDocument> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var document = await ArtefactJson.ReadFileAsync(path, MetricsJsonContext.Default.IntrinsicMetricsDocument, cancellationToken).ConfigureAwait(false);
        return document.Metrics is null
            ? throw new DataValidationException([new DataError(path, null, "metrics", "the file has no 'metrics' object.")])
            : document;
    }
}
