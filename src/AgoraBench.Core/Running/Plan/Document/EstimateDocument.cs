using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>estimate</c> section of a plan file.</summary>
internal sealed record EstimateDocument
{
    private static readonly PlanEstimateOptions Defaults = new();

    [Range(1d, double.MaxValue)]
    [Description("Completions one instance costs on average, retries included.")]
    public double AttemptsPerInstance { get; set; } = Defaults.AttemptsPerInstance;

    [Range(1, int.MaxValue)]
    [Description("Seeds sampled to measure prompt lengths.")]
    public int SampleSize { get; set; } = Defaults.SampleSize;

    [Range(1, int.MaxValue)]
    [Description("Assumed response tokens where no seed shows one.")]
    public int DefaultResponseTokens { get; set; } = Defaults.DefaultResponseTokens;

    [Range(1, int.MaxValue)]
    [Description("Output tokens of one intrinsic-metric judgement.")]
    public int JudgeOutputTokens { get; set; } = Defaults.JudgeOutputTokens;

    [Range(1, int.MaxValue)]
    [Description("Output tokens of one pairwise judgement.")]
    public int PairwiseJudgeOutputTokens { get; set; } = Defaults.PairwiseJudgeOutputTokens;

    [Range(1, int.MaxValue)]
    [Description("Output tokens of one student answer.")]
    public int EvaluationOutputTokens { get; set; } = Defaults.EvaluationOutputTokens;
}
