namespace AgoraBench;

/// <summary>
/// Response perplexity: PPL_i = exp(mean negative log-likelihood of the response tokens given the instruction), and
/// the dataset value is the mean of PPL_i (the median, the mean NLL and the token-weighted perplexity are in
/// <see cref="IntrinsicMetricResult.Details"/>). The paper scores with the base student, Llama-3.1-8B.
/// </summary>
/// <remarks>
/// Each item is scored on its own, so there is no padding and no batch-mean loss (the reference implementation's
/// defects). Empty responses, responses that yield no tokens and failed requests are diagnostics, not scores.
/// </remarks>
public sealed class PerplexityMetric : IIntrinsicMetric
{
    private readonly ITokenLogProbabilityScorer _scorer;
    private readonly PerplexityMetricOptions _options;

    /// <summary>Initializes a new instance of the <see cref="PerplexityMetric"/> class.</summary>
    /// <param name="scorer">The language model scorer.</param>
    /// <param name="concurrency">How many scoring requests run at once (at least 1).</param>
    /// <exception cref="ArgumentException"><paramref name="concurrency"/> is less than 1.</exception>
    public PerplexityMetric(ITokenLogProbabilityScorer scorer, int concurrency = 8)
        : this(scorer, new PerplexityMetricOptions { Concurrency = concurrency })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PerplexityMetric"/> class.</summary>
    /// <param name="scorer">The language model scorer.</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    internal PerplexityMetric(ITokenLogProbabilityScorer scorer, PerplexityMetricOptions? options)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        _scorer = scorer;
        _options = PerplexityMetricOptionsValidator.Instance.ThrowIfInvalid(options ?? new PerplexityMetricOptions(), nameof(options));
    }

    /// <inheritdoc />
    public string Name => IntrinsicMetricNames.ResponsePerplexity;

    /// <summary>The perplexity of one sequence of token log-probabilities: exp(−mean).</summary>
    /// <param name="logProbabilities">Natural-log probabilities.</param>
    /// <returns>The perplexity, or NaN for an empty sequence.</returns>
    internal static double Perplexity(IReadOnlyList<double> logProbabilities)
    {
        ArgumentNullException.ThrowIfNull(logProbabilities);
        return logProbabilities.Count == 0 ? double.NaN : Math.Exp(-logProbabilities.Average());
    }

    /// <inheritdoc />
    public async ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var values = new double?[instances.Count];
        var nll = new double?[instances.Count];
        var tokenCounts = new int[instances.Count];
        long inputTokens = 0;
        var loop = new MetricItemLoop();
        await loop.RunAsync(
            instances.Count,
            _options.Concurrency,
            i => string.IsNullOrEmpty(instances[i].Response) ? ("empty-response", "the response is empty; perplexity is undefined") : null,
            async (i, token) =>
            {
                var scored = await _scorer.ScoreAsync(_options.Context(instances[i].Instruction), instances[i].Response, token).ConfigureAwait(false);
                Interlocked.Increment(ref loop.Requests);
                Interlocked.Add(ref inputTokens, scored.InputTokens);
                if (scored.LogProbabilities.Count == 0)
                {
                    loop.Add(i, "no-response-tokens", "the scorer returned no tokens for the response");
                }
                else if (scored.LogProbabilities.Any(p => !double.IsFinite(p) || p > 1e-9))
                {
                    loop.Add(i, "invalid-logprob", "a log-probability is not a finite number ≤ 0");
                }
                else
                {
                    nll[i] = -scored.LogProbabilities.Average();
                    tokenCounts[i] = scored.LogProbabilities.Count;
                    values[i] = Math.Exp(nll[i]!.Value);
                }
            },
            cancellationToken).ConfigureAwait(false);

        var extra = new Dictionary<string, double>(StringComparer.Ordinal);
        var scoredNll = nll.Where(v => v is not null).Select(v => v!.Value).ToArray();
        if (scoredNll.Length > 0)
        {
            extra["mean_nll"] = scoredNll.Average();
            double totalNll = Enumerable.Range(0, instances.Count).Where(i => nll[i] is not null).Sum(i => nll[i]!.Value * tokenCounts[i]);
            extra["token_weighted_perplexity"] = Math.Exp(totalNll / tokenCounts.Sum());
            extra["response_tokens"] = tokenCounts.Sum();
        }

        return MetricStatistics.Summarize(Name, values, loop.Diagnostics, new MetricUsage(loop.Requests, inputTokens, 0), extra: extra);
    }
}
