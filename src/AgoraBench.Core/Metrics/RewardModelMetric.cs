namespace AgoraBench;

/// <summary>Response quality as a reward model's mean score (<c>reward-model-quality</c>).</summary>
public sealed class RewardModelMetric : IIntrinsicMetric
{
    private readonly IRewardModelScorer _scorer;
    private readonly int _concurrency;

    /// <summary>Initializes a new instance of the <see cref="RewardModelMetric"/> class.</summary>
    /// <param name="scorer">The reward model.</param>
    /// <param name="concurrency">How many requests run at once.</param>
    public RewardModelMetric(IRewardModelScorer scorer, int concurrency = 8)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _scorer = scorer;
        _concurrency = concurrency;
    }

    /// <inheritdoc />
    public string Name => IntrinsicMetricNames.RewardModelQuality;

    /// <inheritdoc />
    public async ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var values = new double?[instances.Count];
        var loop = new MetricItemLoop();
        await loop.RunAsync(
            instances.Count,
            _concurrency,
            i => string.IsNullOrWhiteSpace(instances[i].Response) ? ("empty-response", "the response is empty; it is not scored") : null,
            async (i, token) =>
            {
                double score = await _scorer.ScoreAsync(instances[i].Instruction, instances[i].Response, token).ConfigureAwait(false);
                Interlocked.Increment(ref loop.Requests);
                if (double.IsFinite(score))
                {
                    values[i] = score;
                }
                else
                {
                    loop.Add(i, "invalid-score", $"the reward model returned {score}");
                }
            },
            cancellationToken).ConfigureAwait(false);
        return MetricStatistics.Summarize(Name, values, loop.Diagnostics, new MetricUsage(loop.Requests, 0, 0));
    }
}
