namespace AgoraBench;

/// <summary>Which intrinsic metrics a plan computes over each generated dataset, and with which models.</summary>
internal sealed record PlanMetrics
{
    /// <summary>Gets the metric names (see <see cref="IntrinsicMetricNames"/>); empty to skip the built-in metrics.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Gets the judge of instruction difficulty and response quality, or <see langword="null"/>.</summary>
    public ModelEndpoint? Judge { get; init; }

    /// <summary>Gets the embedding model of instruction and response diversity, or <see langword="null"/>.</summary>
    public ModelEndpoint? Embedding { get; init; }

    /// <summary>Gets the scoring model of response perplexity (a <c>/v1/completions</c> endpoint with echo and logprobs, such as vLLM), or <see langword="null"/>.</summary>
    public ModelEndpoint? Perplexity { get; init; }

    /// <summary>Gets how many requests each metric keeps in flight.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; init; } = 8;
}
