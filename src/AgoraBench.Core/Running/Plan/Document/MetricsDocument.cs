using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>metrics</c> section of a plan file.</summary>
internal sealed record MetricsDocument
{
    [UniqueItems]
    [AllowedValues(IntrinsicMetricNames.InstructionDifficulty, IntrinsicMetricNames.ResponseQuality, IntrinsicMetricNames.ResponsePerplexity, IntrinsicMetricNames.InstructionDiversity, IntrinsicMetricNames.ResponseDiversity)]
    [Description("The intrinsic metrics to compute over each generated dataset.")]
    public List<string>? Names { get; set; }

    [Description("The judge of instruction difficulty and response quality.")]
    public EndpointDocument? Judge { get; set; }

    [Description("The embedding model of the diversity metrics.")]
    public EndpointDocument? Embedding { get; set; }

    [Description("A /v1/completions endpoint (vLLM) that echoes prompt logprobs, for response perplexity.")]
    public EndpointDocument? Perplexity { get; set; }

    [Range(1, int.MaxValue)]
    [Description("Requests each metric keeps in flight.")]
    public int Concurrency { get; set; } = new PlanMetrics().Concurrency;
}
