namespace AgoraBench;

/// <summary>The value of an intrinsic metric over a dataset.</summary>
public sealed class IntrinsicMetricResult
{
    /// <summary>Gets the metric's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the dataset-level value (the mean over scored items, or the dataset statistic), or <see langword="null"/> when nothing could be scored.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the number of items that contributed to <see cref="Value"/>.</summary>
    public int Count { get; init; }

    /// <summary>Gets the number of items that could not be scored (each has a diagnostic).</summary>
    public int Failed { get; init; }

    /// <summary>Gets each item's value in dataset order (<see langword="null"/> where it could not be scored), or empty for dataset-level metrics such as diversity.</summary>
    public IReadOnlyList<double?> Items { get; init; } = [];

    /// <summary>Gets further statistics, for example <c>median</c>, <c>mean_nll</c> or <c>distance_to_centroid</c>.</summary>
    public IReadOnlyDictionary<string, double> Details { get; init; } = new Dictionary<string, double>();

    /// <summary>Gets the problems recorded instead of scores.</summary>
    public IReadOnlyList<MetricDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>Gets the tokens the metric's model calls used (judges, perplexity, embeddings), when reported.</summary>
    public MetricUsage Usage { get; init; } = new(0, 0, 0);
}
