using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>Options of <see cref="DiversityMetric"/>.</summary>
internal sealed class DiversityMetricOptions
{
    /// <summary>Gets or sets the value reported as the metric; the other is in <see cref="IntrinsicMetricResult.Details"/>.</summary>
    /// <value>The default value is <see cref="DiversityMeasure.MeanPairwiseDistance"/>.</value>
    internal DiversityMeasure Measure { get; set; } = DiversityMeasure.MeanPairwiseDistance;

    /// <summary>Gets or sets how many texts one embedding request carries.</summary>
    /// <value>The default value is 64.</value>
    internal int BatchSize { get; set; } = 64;

    /// <summary>Gets or sets how many embedding requests run at once.</summary>
    /// <value>The default value is 4.</value>
    public int Concurrency { get; set; } = 4;

    /// <summary>Gets or sets options passed to the embedding generator (model id, dimensions), or <see langword="null"/>.</summary>
    internal EmbeddingGenerationOptions? EmbeddingOptions { get; set; }
}
