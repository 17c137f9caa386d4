using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>estimate</c> section of a plan file.</summary>
internal sealed record EstimateDocument
{
    private static readonly PlanEstimateOptions Defaults = new();

    [Range(1d, double.MaxValue)]
    [Description("Completions one instance costs on average, retries included.")]
    public double AttemptsPerInstance { get; init; } = Defaults.AttemptsPerInstance;

    [Range(1, int.MaxValue)]
    [Description("Seeds sampled to measure prompt lengths.")]
    public int SampleSize { get; init; } = Defaults.SampleSize;

    [Range(1, int.MaxValue)]
    [Description("Assumed response tokens where no seed shows one.")]
    public int DefaultResponseTokens { get; init; } = Defaults.DefaultResponseTokens;

    [Range(1, int.MaxValue)]
    [Description("Output tokens of one intrinsic-metric judgement.")]
    public int JudgeOutputTokens { get; init; } = Defaults.JudgeOutputTokens;

    [Range(1, int.MaxValue)]
    [Description("Output tokens of one pairwise judgement.")]
    public int PairwiseJudgeOutputTokens { get; init; } = Defaults.PairwiseJudgeOutputTokens;

    [Range(1, int.MaxValue)]
    [Description("Output tokens of one student answer.")]
    public int EvaluationOutputTokens { get; init; } = Defaults.EvaluationOutputTokens;
}
