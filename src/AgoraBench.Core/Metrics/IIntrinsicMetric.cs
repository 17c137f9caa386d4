namespace AgoraBench;

/// <summary>
/// A dataset-level intrinsic metric of synthetic data: instruction difficulty, response quality, response perplexity,
/// instruction or response diversity (paper §6), or one of your own.
/// </summary>
/// <remarks>
/// Implementations never throw for bad data: an empty response, an unparsable judge output or a failed request is
/// recorded as a <see cref="MetricDiagnostic"/> and counted in <see cref="IntrinsicMetricResult.Failed"/>, never turned
/// into a score. They do not mutate the instances and are safe to call concurrently.
/// </remarks>
public interface IIntrinsicMetric
{
    /// <summary>Gets the metric's stable name, for example <c>response-quality</c>; it is stored in results.</summary>
    string Name { get; }

    /// <summary>Computes the metric over a dataset.</summary>
    /// <param name="instances">The dataset.</param>
    /// <param name="cancellationToken">Cancels the computation.</param>
    /// <returns>Per-item values, the aggregate and diagnostics.</returns>
    ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default);
}
