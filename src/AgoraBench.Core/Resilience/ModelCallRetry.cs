using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace AgoraBench;

/// <summary>
/// The resilience pipelines (Polly) of the model calls: one pipeline object per client role, built once and reused for
/// every request. A passing fault (<see cref="TransportFault"/>: 429, 408, 5xx, no response, a timeout, a lost
/// connection) is retried with exponential back-off and jitter, or after the server's <c>Retry-After</c> capped at the
/// longest delay; a refusal (any other 4xx, a failed authentication) is never retried and reaches the caller at once.
/// </summary>
/// <remarks>
/// Every pipeline reports through Polly's own telemetry (<c>ConfigureTelemetry</c>): the meter and log category
/// <c>Polly</c>, with the pipeline's name (one of the constants here) in the <c>pipeline.name</c> tag, and an
/// <c>OnRetry</c> event per retry. Waits run on the pipeline's <see cref="TimeProvider"/>, so tests advance a fake
/// clock instead of sleeping.
/// </remarks>
internal static class ModelCallRetry
{
    /// <summary>The pipeline of the generation engine's calls to the generator.</summary>
    public const string Generation = "AgoraBench.Generation";

    /// <summary>The pipeline of the generation engine's attempts: a rejected completion is re-prompted.</summary>
    public const string GenerationAttempts = "AgoraBench.Generation.Attempts";

    /// <summary>The pipeline of the student evaluator's calls to the evaluated model.</summary>
    public const string StudentEvaluation = "AgoraBench.StudentEvaluation";

    /// <summary>The pipeline of the absolute-grading judge (instruction difficulty, response quality).</summary>
    public const string Judge = "AgoraBench.Judge";

    /// <summary>The pipeline of the pairwise (Arena-Hard style) judge.</summary>
    public const string PairwiseJudge = "AgoraBench.PairwiseJudge";

    /// <summary>The pipeline of the completions endpoint that scores log-probabilities.</summary>
    public const string LogProbabilityScoring = "AgoraBench.LogProbabilityScoring";

    /// <summary>The failover pipeline of a replica pool (<see cref="EndpointPoolChatClient"/>).</summary>
    public const string EndpointPool = "AgoraBench.EndpointPool";

    /// <summary>The pipeline of the fine-tuning job's status polls.</summary>
    public const string TrainingPoll = "AgoraBench.TrainingPoll";

    /// <summary>Builds the pipeline of a role that retries passing faults of its calls.</summary>
    /// <param name="name">The pipeline's name (one of the constants).</param>
    /// <param name="maxRetries">How many times a call is retried; 0 builds a pipeline that never retries.</param>
    /// <param name="delay">The first back-off delay; it doubles per retry, with jitter.</param>
    /// <param name="maxDelay">The longest wait, a server's <c>Retry-After</c> included.</param>
    /// <param name="time">The clock of the waits.</param>
    /// <param name="loggers">Where Polly logs its events, or <see langword="null"/> for nowhere (the metrics are still published).</param>
    /// <returns>The pipeline.</returns>
    public static ResiliencePipeline Create(string name, int maxRetries, TimeSpan delay, TimeSpan maxDelay, TimeProvider time, ILoggerFactory? loggers = null) =>
        Builder(name, time, loggers).AddRetryIf(maxRetries, delay, maxDelay, time).Build();

    /// <summary>Starts a pipeline builder with the role's name, clock and Polly's telemetry.</summary>
    public static ResiliencePipelineBuilder Builder(string name, TimeProvider time, ILoggerFactory? loggers) =>
        new ResiliencePipelineBuilder { Name = name, TimeProvider = time }.ConfigureTelemetry(loggers ?? NullLoggerFactory.Instance);

    /// <summary>Starts a typed pipeline builder with the role's name, clock and Polly's telemetry.</summary>
    public static ResiliencePipelineBuilder<T> Builder<T>(string name, TimeProvider time, ILoggerFactory? loggers) =>
        new ResiliencePipelineBuilder<T> { Name = name, TimeProvider = time }.ConfigureTelemetry(loggers ?? NullLoggerFactory.Instance);

    /// <summary>The retry options shared by the roles: passing faults only, exponential back-off with jitter, Retry-After honoured up to <paramref name="maxDelay"/>.</summary>
    public static RetryStrategyOptions<T> Options<T>(int maxRetries, TimeSpan delay, TimeSpan maxDelay, TimeProvider time) =>
        Apply(new RetryStrategyOptions<T>(), maxRetries, delay, maxDelay, time);

    /// <summary>Whether an exception is a passing fault worth another attempt (never a cancellation the caller asked for).</summary>
    public static bool IsPassing(Exception? exception, TimeProvider time, CancellationToken cancellationToken) =>
        exception is not null && !cancellationToken.IsCancellationRequested && TransportFault.Classify(exception, time) is { Retryable: true };

    /// <summary>The server's <c>Retry-After</c> of a failed call, capped at <paramref name="maxDelay"/>; <see langword="null"/> when it gave none.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, TimeProvider time, TimeSpan maxDelay) =>
        exception is not null && TransportFault.Classify(exception, time)?.RetryAfter is { } after ? Min(after, maxDelay) : null;

    /// <summary>The <c>Retry-After</c> of an HTTP response (seconds or a date), capped at <paramref name="maxDelay"/>; <see langword="null"/> when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time, TimeSpan maxDelay)
    {
        ArgumentNullException.ThrowIfNull(response);
        var header = response.Headers.RetryAfter;
        TimeSpan? after = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return after is { } a ? Min(a < TimeSpan.Zero ? TimeSpan.Zero : a, maxDelay) : null;
    }

    /// <summary>Whether an HTTP status is a passing fault (408, 429, 5xx).</summary>
    public static bool IsPassing(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static ResiliencePipelineBuilder AddRetryIf(this ResiliencePipelineBuilder builder, int maxRetries, TimeSpan delay, TimeSpan maxDelay, TimeProvider time)
    {
        if (maxRetries == 0)
        {
            return builder;
        }

        var options = new RetryStrategyOptions();
        Apply(options, maxRetries, delay, maxDelay, time);
        return builder.AddRetry(options);
    }

    private static RetryStrategyOptions<T> Apply<T>(RetryStrategyOptions<T> options, int maxRetries, TimeSpan delay, TimeSpan maxDelay, TimeProvider time)
    {
        options.MaxRetryAttempts = Math.Max(1, maxRetries);
        options.BackoffType = DelayBackoffType.Exponential;
        options.UseJitter = true;
        options.Delay = delay;
        options.MaxDelay = maxDelay;
        options.ShouldHandle = args => new ValueTask<bool>(IsPassing(args.Outcome.Exception, time, args.Context.CancellationToken));
        options.DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Exception, time, maxDelay));
        return options;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
