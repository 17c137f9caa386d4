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
        var diagnostics = new List<MetricDiagnostic>();
        long requests = 0;
        using var throttle = new SemaphoreSlim(_concurrency);
        await Task.WhenAll(Enumerable.Range(0, instances.Count).Select(async i =>
        {
            if (string.IsNullOrWhiteSpace(instances[i].Response))
            {
                lock (diagnostics)
                {
                    diagnostics.Add(new MetricDiagnostic(i, "empty-response", "the response is empty; it is not scored"));
                }

                return;
            }

            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                double score = await _scorer.ScoreAsync(instances[i].Instruction, instances[i].Response, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref requests);
                if (double.IsFinite(score))
                {
                    values[i] = score;
                }
                else
                {
                    lock (diagnostics)
                    {
                        diagnostics.Add(new MetricDiagnostic(i, "invalid-score", $"the reward model returned {score}"));
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref requests);
                lock (diagnostics)
                {
                    diagnostics.Add(new MetricDiagnostic(i, "request-failed", $"{ex.GetType().Name}: {ex.Message}"));
                }
            }
            finally
            {
                throttle.Release();
            }
        })).ConfigureAwait(false);
        diagnostics.Sort((a, b) => Nullable.Compare(a.Index, b.Index));
        return MetricStatistics.Summarize(Name, values, diagnostics, new MetricUsage(requests, 0, 0));
    }
}
