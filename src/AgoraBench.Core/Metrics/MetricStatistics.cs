namespace AgoraBench;

/// <summary>Turns per-item values into a metric result: mean, median, standard deviation and, for 1–5 scores, a histogram.</summary>
internal static class MetricStatistics
{
    public static IntrinsicMetricResult Summarize(string name, IReadOnlyList<double?> items, List<MetricDiagnostic> diagnostics, MetricUsage usage, bool includeHistogram = false, Dictionary<string, double>? extra = null)
    {
        var values = items.Where(v => v is double d && double.IsFinite(d)).Select(v => v!.Value).OrderBy(v => v).ToArray();
        var details = extra ?? new Dictionary<string, double>(StringComparer.Ordinal);
        if (values.Length > 0)
        {
            double mean = values.Average();
            details["median"] = values.Length % 2 == 1 ? values[values.Length / 2] : (values[(values.Length / 2) - 1] + values[values.Length / 2]) / 2;
            details["std"] = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : 0;
            details["min"] = values[0];
            details["max"] = values[^1];
            if (includeHistogram)
            {
                for (int s = 1; s <= 5; s++)
                {
                    details[$"score_{s}"] = values.Count(v => v == s);
                }
            }
        }

        return new IntrinsicMetricResult(
            name: name,
            value: values.Length > 0 ? values.Average() : null,
            count: values.Length,
            failed: items.Count - values.Length,
            items: items,
            details: details,
            diagnostics: diagnostics,
            usage: usage);
    }
}
