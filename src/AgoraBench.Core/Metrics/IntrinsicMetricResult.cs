namespace AgoraBench;

/// <summary>The value of an intrinsic metric over a dataset.</summary>
/// <remarks>An <see cref="IIntrinsicMetric"/> builds one with this constructor (named arguments read best) and returns it.</remarks>
public sealed class IntrinsicMetricResult
{
    /// <summary>Initializes a new instance of the <see cref="IntrinsicMetricResult"/> class.</summary>
    /// <param name="name">The metric's name.</param>
    /// <param name="value">The dataset-level value, or <see langword="null"/> when nothing could be scored.</param>
    /// <param name="count">The number of items that contributed to <paramref name="value"/>.</param>
    /// <param name="failed">The number of items that could not be scored.</param>
    /// <param name="items">Each item's value in dataset order, or <see langword="null"/> for a dataset-level metric.</param>
    /// <param name="details">The metric's own statistics, or <see langword="null"/> for none.</param>
    /// <param name="diagnostics">Why items failed, or <see langword="null"/> for none.</param>
    /// <param name="usage">What scoring cost, or <see langword="null"/> for nothing.</param>
    public IntrinsicMetricResult(
        string name,
        double? value = null,
        int count = 0,
        int failed = 0,
        IReadOnlyList<double?>? items = null,
        IReadOnlyDictionary<string, double>? details = null,
        IReadOnlyList<MetricDiagnostic>? diagnostics = null,
        MetricUsage? usage = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
        Value = value;
        Count = count;
        Failed = failed;
        Items = items ?? [];
        Details = details ?? new Dictionary<string, double>();
        Diagnostics = diagnostics ?? [];
        Usage = usage ?? new MetricUsage(0, 0, 0);
    }

    /// <summary>Gets the metric's name.</summary>
    public string Name { get; }

    /// <summary>Gets the dataset-level value (the mean over scored items, or the dataset statistic), or <see langword="null"/> when nothing could be scored.</summary>
    public double? Value { get; }

    /// <summary>Gets the number of items that contributed to <see cref="Value"/>.</summary>
    public int Count { get; }

    /// <summary>Gets the number of items that could not be scored (each has a diagnostic).</summary>
    public int Failed { get; }

    /// <summary>Gets each item's value in dataset order (<see langword="null"/> where it could not be scored), or empty for dataset-level metrics such as diversity.</summary>
    public IReadOnlyList<double?> Items { get; }

    /// <summary>Gets further statistics, for example <c>median</c>, <c>mean_nll</c> or <c>distance_to_centroid</c>.</summary>
    public IReadOnlyDictionary<string, double> Details { get; }

    /// <summary>Gets the problems recorded instead of scores.</summary>
    public IReadOnlyList<MetricDiagnostic> Diagnostics { get; }

    /// <summary>Gets the tokens the metric's model calls used (judges, perplexity, embeddings), when reported.</summary>
    public MetricUsage Usage { get; }
}
