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
    /// Formats the report as JSON: <c>{"metrics": {"&lt;name&gt;": {"mean", "count", "failed", details…, "requests",
    /// "input_tokens", "output_tokens", "failures": {code: count}, "diagnostics": [first 50 {index, code, message}]}}}</c>.
    /// A metric with no value has <c>"mean": null</c>.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonReport.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartObject("metrics");
        foreach (var result in Results)
        {
            json.WriteStartObject(result.Name);
            if (result.Value is double value)
            {
                JsonReport.Number(json, "mean", value);
            }
            else
            {
                json.WriteNull("mean");
            }

            json.WriteNumber("count", result.Count);
            json.WriteNumber("failed", result.Failed);
            foreach (var (name, detail) in result.Details)
            {
                JsonReport.Number(json, name, detail);
            }

            json.WriteNumber("requests", result.Usage.Requests);
            json.WriteNumber("input_tokens", result.Usage.InputTokens);
            json.WriteNumber("output_tokens", result.Usage.OutputTokens);
            json.WriteStartObject("failures");
            foreach (var group in result.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(group.Key, group.Count());
            }

            json.WriteEndObject();
            json.WriteStartArray("diagnostics");
            foreach (var d in result.Diagnostics.Take(50))
            {
                json.WriteStartObject();
                if (d.Index is int index)
                {
                    json.WriteNumber("index", index);
                }

                json.WriteString("code", d.Code);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    });
}
