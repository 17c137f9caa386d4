namespace AgoraBench;

/// <summary>Runs several intrinsic metrics over a dataset, one after another, reporting progress.</summary>
public static class IntrinsicMetricsRunner
{
    /// <summary>Runs the metrics.</summary>
    /// <param name="instances">The dataset.</param>
    /// <param name="metrics">The metrics (each runs its own requests concurrently).</param>
    /// <param name="progress">Receives each metric's result as it finishes, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The report.</returns>
    public static async Task<IntrinsicMetricsReport> RunAsync(
        IReadOnlyList<SyntheticInstance> instances,
        IEnumerable<IIntrinsicMetric> metrics,
        IProgress<IntrinsicMetricResult>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(metrics);
        var results = new List<IntrinsicMetricResult>();
        foreach (var metric in metrics)
        {
            IntrinsicMetricResult result;
            using (var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.MetricSpan))
            {
                activity?.SetTag(AgoraBenchTelemetry.MetricAttribute, metric.Name);
                activity?.SetTag(AgoraBenchTelemetry.ItemsAttribute, instances.Count);
                result = await metric.ComputeAsync(instances, cancellationToken).ConfigureAwait(false);
            }

            results.Add(result);
            progress?.Report(result);
        }

        return new IntrinsicMetricsReport(results);
    }
}
