using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace AgoraBench;

/// <summary>
/// Instruction difficulty or response quality graded 1–5 by an LLM judge (any <see cref="IChatClient"/>: GPT-4o,
/// Prometheus-2 behind vLLM, …) with absolute grading and no reference answer, as in the paper (App. H).
/// </summary>
/// <remarks>
/// For difficulty, the judge's instruction slot holds a fixed task text (<see cref="JudgePrompts.DifficultyTask"/>)
/// and the generated instruction goes in the response slot, as the reference implementation does. An unparsable or
/// out-of-range answer, or a request that failed in passing, is re-asked by the resilience pipeline
/// <c>AgoraBench.Judge</c> up to <see cref="JudgeMetricOptions.MaxAttempts"/> times in all; a refused request (a 4xx
/// other than 408 and 429) is never re-asked. Every failed attempt is recorded as a diagnostic with its code and reason,
/// and an item that never yields a score is counted as failed, never scored.
/// </remarks>
public sealed class JudgeMetric : IIntrinsicMetric
{
    internal static readonly string[] RequiredPlaceholders = ["{instruction}", "{response}", "{rubric}"];
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    private readonly IChatClient _judge;
    private readonly JudgeCriterion _criterion;
    private readonly BenchmarkDomain _domain;
    private readonly JudgeMetricOptions _options;
    private readonly string _rubric;
    private readonly ResiliencePipeline<JudgeScore> _pipeline;

    /// <summary>Initializes a new instance of the <see cref="JudgeMetric"/> class.</summary>
    /// <param name="judge">The judge model.</param>
    /// <param name="criterion">What to grade.</param>
    /// <param name="domain">The data's domain (selects the rubric).</param>
    /// <param name="concurrency">How many judge requests run at once (at least 1).</param>
    /// <exception cref="ArgumentException"><paramref name="concurrency"/> is less than 1.</exception>
    public JudgeMetric(IChatClient judge, JudgeCriterion criterion, BenchmarkDomain domain, int concurrency = 8)
        : this(judge, criterion, domain, new JudgeMetricOptions { Concurrency = concurrency })
    {
    }

    /// <summary>Initializes a new instance of the <see cref="JudgeMetric"/> class.</summary>
    /// <param name="judge">The judge model.</param>
    /// <param name="criterion">What to grade.</param>
    /// <param name="domain">The data's domain (selects the rubric).</param>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    internal JudgeMetric(IChatClient judge, JudgeCriterion criterion, BenchmarkDomain domain, JudgeMetricOptions? options)
    {
        ArgumentNullException.ThrowIfNull(judge);
        _judge = judge;
        _criterion = criterion;
        _domain = domain;
        _options = JudgeMetricOptionsValidator.Instance.ThrowIfInvalid(options ?? new JudgeMetricOptions(), nameof(options));

        _rubric = _options.Rubric ?? JudgePrompts.Rubric(criterion, domain);
        _pipeline = Pipeline(_options);
    }

    /// <inheritdoc />
    public string Name => _criterion == JudgeCriterion.InstructionDifficulty ? IntrinsicMetricNames.InstructionDifficulty : IntrinsicMetricNames.ResponseQuality;

    /// <summary>Grades one instruction/response pair.</summary>
    /// <param name="instruction">The instruction.</param>
    /// <param name="response">The response (ignored for difficulty).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The score (or <see langword="null"/>), the judge's feedback, every failed attempt, and the usage.</returns>
    internal async Task<(JudgeScore Result, IReadOnlyList<MetricDiagnostic> Failures, MetricUsage Usage)> GradeAsync(string instruction, string response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instruction);
        ArgumentNullException.ThrowIfNull(response);
        string prompt = _criterion == JudgeCriterion.InstructionDifficulty
            ? JudgePrompts.Fill(JudgePrompts.DifficultyTask(_domain), instruction, _rubric, _options.Template)
            : JudgePrompts.Fill(instruction, response, _rubric, _options.Template);
        ChatMessage[] messages = [new(ChatRole.System, JudgePrompts.SystemPrompt), new(ChatRole.User, prompt)];
        var grading = new JudgeGrading(_judge, messages, _options.ChatOptions, _options.TimeProvider);
        try
        {
            await _pipeline.ExecuteAsync(static (grading, ct) => grading.AskAsync(ct), grading, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A refusal, or the last attempt failed: recorded in the diagnostics; the item has no score.
        }

        return (grading.Last, grading.Failures, grading.Usage);
    }

    /// <summary>
    /// The judge's resilience pipeline (<c>AgoraBench.Judge</c>), built once: an unparsable answer or a failed request
    /// is asked again at once (after the server's Retry-After, capped, when it gave one), up to
    /// <see cref="JudgeMetricOptions.MaxAttempts"/> in all; a refusal (4xx other than 408 and 429) is never asked again.
    /// </summary>
    private static ResiliencePipeline<JudgeScore> Pipeline(JudgeMetricOptions options)
    {
        var builder = ModelCallRetry.Builder<JudgeScore>(ModelCallRetry.Judge, options.TimeProvider, null);
        if (options.MaxAttempts > 1)
        {
            var time = options.TimeProvider;
            builder.AddRetry(new RetryStrategyOptions<JudgeScore>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => new ValueTask<bool>(args.Outcome.Exception is { } ex
                    ? !args.Context.CancellationToken.IsCancellationRequested && TransportFault.Classify(ex, time) is not { Retryable: false }
                    : args.Outcome.Result?.Score is null),
                DelayGenerator = args => new ValueTask<TimeSpan?>(ModelCallRetry.RetryAfter(args.Outcome.Exception, time, MaxRetryAfter)),
            });
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public async ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var scores = new double?[instances.Count];
        var usage = new MetricUsage(0, 0, 0);
        var loop = new MetricItemLoop();
        await loop.RunAsync(
            instances.Count,
            _options.Concurrency,
            i => string.IsNullOrWhiteSpace(instances[i].Instruction) ? ("empty-instruction", "the instruction is empty; it is not graded")
                : _criterion == JudgeCriterion.ResponseQuality && string.IsNullOrWhiteSpace(instances[i].Response) ? ("empty-response", "the response is empty; it is not graded")
                : null,
            async (i, token) =>
            {
                var (result, failures, used) = await GradeAsync(instances[i].Instruction, instances[i].Response, token).ConfigureAwait(false);
                loop.Locked(() =>
                {
                    scores[i] = result.Score;
                    usage = usage.Add(used);
                    loop.Diagnostics.AddRange(failures.Select(f => new MetricDiagnostic(i, f.Code, f.Message)));
                    if (result.Score is null)
                    {
                        loop.Diagnostics.Add(new MetricDiagnostic(i, "no-score", $"no valid score after {_options.MaxAttempts} attempt(s)"));
                    }
                });
            },
            cancellationToken).ConfigureAwait(false);
        return MetricStatistics.Summarize(Name, scores, loop.Diagnostics, usage, includeHistogram: true);
    }
}
