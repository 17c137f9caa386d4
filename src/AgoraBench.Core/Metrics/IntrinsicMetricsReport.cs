namespace AgoraBench;

/// <summary>The results of several intrinsic metrics over one dataset, serialisable as <c>{"metrics": {name: {...}}}</c>.</summary>
public sealed class IntrinsicMetricsReport
{
    /// <summary>Initializes a new instance of the <see cref="IntrinsicMetricsReport"/> class.</summary>
    /// <param name="results">The results, in the order the metrics ran.</param>
    internal IntrinsicMetricsReport(IReadOnlyList<IntrinsicMetricResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        Results = results;
    }

    /// <summary>Gets the results.</summary>
    public IReadOnlyList<IntrinsicMetricResult> Results { get; }

    /// <summary>
    /// Formats the report as JSON: <c>{"metrics": {"&lt;name&gt;": {"mean", "count", "failed", "details": {…},
    /// "requests", "input_tokens", "output_tokens", "failures": {code: count}, "diagnostics": [first 50 {index, code,
    /// message}]}}}</c>. A metric with no value has <c>"mean": null</c>; <c>"details"</c> holds the metric's own
    /// statistics (such as <c>median</c>), apart from the fields every metric has.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ArtefactJson.Write(IntrinsicMetricsDocument.From(this), MetricsJsonContext.Default.IntrinsicMetricsDocument);
}
