namespace AgoraBench;

/// <summary>The assumptions of <see cref="PlanEstimator"/> where nothing can be measured before a run.</summary>
internal sealed record PlanEstimateOptions
{
    /// <summary>Gets the completions each accepted instance is expected to take (rejections and re-asks).</summary>
    /// <value>The default value is 1.0: every completion accepted, a lower bound.</value>
    public double AttemptsPerInstance { get; init; } = 1.0;

    /// <summary>Gets how many seeds per setting are tokenized to measure mean lengths (a seeded sample; all when fewer).</summary>
    /// <value>The default value is 500 (a relative standard error of about 3% on typical seed data; the 95% interval is reported).</value>
    public int SampleSize { get; init; } = 500;

    /// <summary>Gets the output tokens assumed for a response when the seed data has none to measure (response generation).</summary>
    /// <value>The default value is 500.</value>
    public int DefaultResponseTokens { get; init; } = 500;

    /// <summary>Gets the output tokens of one absolute-grading judgment (feedback and score).</summary>
    /// <value>The default value is 256.</value>
    public int JudgeOutputTokens { get; init; } = 256;

    /// <summary>Gets the output tokens of one pairwise judgment (Arena-Hard style, with its explanation).</summary>
    /// <value>The default value is 400.</value>
    public int PairwiseJudgeOutputTokens { get; init; } = 400;

    /// <summary>Gets the output tokens of one benchmark answer (the cap is 1,024).</summary>
    /// <value>The default value is 512.</value>
    public int EvaluationOutputTokens { get; init; } = 512;
}
