using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace AgoraBench;

/// <summary>
/// Runs one AgoraBench setting against one generator: bounded concurrency, per-item attempts (a rejected completion
/// re-prompts at once), a resilience pipeline for transport failures (back-off with seeded jitter, Retry-After honoured
/// up to a cap, a circuit that stops the run after too many failures in a row; refusals are never retried), an optional
/// budget, and a <see cref="GenerationRunStore"/> that keeps every paid-for completion.
/// </summary>
/// <remarks>
/// The engine is the only retry owner: configure the underlying client with no retries of its own (for the OpenAI
/// client, <c>RetryPolicy = new ClientRetryPolicy(0)</c>). Each attempt is traced, and instances, rejections, retries,
/// tokens and cost are counted, under the names in <see cref="AgoraBenchTelemetry"/>; the pipeline's own events (Polly's
/// meter and log category <c>Polly</c>) carry the pipeline name <c>AgoraBench.Generation</c>.
/// </remarks>
public sealed class GenerationEngine
{
    private static readonly ResiliencePropertyKey<GenerationCall> CallKey = new("agorabench.generation.call");

    private readonly IDataGenerator _generator;
    private readonly ResiliencePipeline _transport;
    private readonly ResiliencePipeline _attempts;
    private readonly GenerationEngineOptions _options;
    private readonly string _template;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _methodName;
    private readonly string _domainName;
    private readonly KeyValuePair<string, object?> _settingTag;
    private readonly KeyValuePair<string, object?> _generatorTag;

    /// <summary>Initializes a new instance of the <see cref="GenerationEngine"/> class.</summary>
    /// <param name="generator">The generator.</param>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock for back-off delays and Retry-After dates, or <see langword="null"/> for the system clock.</param>
    /// <param name="logger">A logger (item ids, status codes and counts only; never prompts or keys), or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    public GenerationEngine(IDataGenerator generator, GenerationEngineOptions options, TimeProvider? timeProvider = null, ILogger<GenerationEngine>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        OptionErrors.ThrowIfAny(errors, "generation options", nameof(options));

        _generator = generator;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _methodName = AgoraBenchNames.ToName(options.Method);
        _domainName = AgoraBenchNames.ToName(options.Domain);
        _settingTag = new(AgoraBenchTelemetry.SettingAttribute, _methodName + "/" + _domainName);
        _generatorTag = new(AgoraBenchTelemetry.GeneratorAttribute, options.Generator);
        _options = options;
        _template = options.Template ?? MetaPrompts.Template(options.Method, options.Domain, options.PromptStyle);
        _transport = TransportPipeline();
        _attempts = AttemptsPipeline();
    }

    /// <summary>
    /// Runs the setting until the requested instances exist in the output file, the budget is reached, or the run is
    /// cancelled. The output is a JSON Lines file of accepted instances; every completion (accepted or rejected, with
    /// usage) goes to <c>FILE.attempts.jsonl</c> beside it, each line written through before the next request, so a
    /// killed run loses at most the requests in flight and a resumed one does not pay for an instance twice.
    /// </summary>
    /// <param name="seeds">The seed instances.</param>
    /// <param name="outputPath">The JSON Lines file of accepted instances.</param>
    /// <param name="resume"><see langword="true"/> to continue an existing output file; <see langword="false"/> to refuse one that exists.</param>
    /// <param name="progress">Receives the running totals after each completion, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that stops the run; requests in flight are abandoned, everything accepted is kept.</param>
    /// <returns>The totals of this run.</returns>
    /// <exception cref="GenerationAbortedException">The endpoint refused a request or failed too often in a row; all progress is in the output file.</exception>
    /// <exception cref="DataValidationException">The output exists and <paramref name="resume"/> is <see langword="false"/>, another run has it open, or instance generation or quality enhancement got seeds without responses.</exception>
    public async Task<GenerationSummary> RunAsync(IReadOnlyList<SyntheticInstance> seeds, string outputPath, bool resume, IProgress<GenerationSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentException.ThrowIfNullOrEmpty(outputPath);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed instance is required.", nameof(seeds));
        }

        GenerationRunStore store;
        try
        {
            store = await GenerationRunStore.OpenAsync(outputPath, resume, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DataValidationException(ex.Message, ex);
        }

        await using (store.ConfigureAwait(false))
        {
            return await RunAsync(seeds, store, progress, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the setting until the requested instances exist in the store, the budget is reached, or the run is cancelled.</summary>
    /// <param name="seeds">The seed instances.</param>
    /// <param name="store">The run store; instances already in it are not generated again.</param>
    /// <param name="progress">Receives the running totals after each completion, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">A token that stops the run; requests in flight are abandoned, everything accepted is kept.</param>
    /// <returns>The totals of this run.</returns>
    /// <exception cref="GenerationAbortedException">The endpoint refused a request or failed too often in a row; all progress is in the store.</exception>
    /// <exception cref="DataValidationException">Instance generation or quality enhancement got seeds without responses.</exception>
    internal async Task<GenerationSummary> RunAsync(IReadOnlyList<SyntheticInstance> seeds, GenerationRunStore store, IProgress<GenerationSummary>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(store);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed instance is required.", nameof(seeds));
        }

        if (_options.Method != GenerationMethod.ResponseGeneration)
        {
            var missing = seeds.Select((s, i) => (Seed: s, Number: i + 1)).Where(p => string.IsNullOrWhiteSpace(p.Seed.Response)).Take(5).Select(p => p.Number).ToArray();
            if (missing.Length > 0)
            {
                throw new DataValidationException($"seed {string.Join(", ", missing)} has no response; {_methodName} needs instruction/response pairs (only response generation reads instructions alone).");
            }
        }

        var state = new RunState(_options, seeds, store.Existing, store.Outstanding, store.HighestIssued);
        using var requestLimiter = Limiter(_options.RequestsPerMinute);
        using var tokenLimiter = Limiter(_options.TokensPerMinute);
        state.RequestLimiter = requestLimiter;
        state.TokenLimiter = tokenLimiter;
        GenerationLog.Started(_logger, _methodName, _domainName, _options.Generator, store.Existing.Count, _options.Concurrency);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Enumerable.Range(0, _options.Concurrency).Select(_ => Task.Run(() => WorkAsync(state, seeds, store, progress, stop), CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception) when (state.Abort is not null || state.StoppedReason is not null)
        {
            // Stopped by the circuit breaker, a refusal or the budget; reported below. Calls still in flight then fail
            // with whatever their client throws on cancellation (a cancelled batch fails them all with its own error).
        }

        if (state.Abort is not null)
        {
            GenerationLog.Aborted(_logger, state.Abort.Message);
            throw state.Abort;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var summary = state.Snapshot();
        if (_logger.IsEnabled(LogLevel.Information))
        {
            GenerationLog.Finished(_logger, summary.Accepted, summary.Completions, summary.TransportRetries, summary.InputTokens, summary.OutputTokens, summary.StoppedReason is null ? string.Empty : $" (stopped: {summary.StoppedReason})");
        }
        return summary;
    }

    private async Task WorkAsync(RunState state, IReadOnlyList<SyntheticInstance> seeds, GenerationRunStore store, IProgress<GenerationSummary>? progress, CancellationTokenSource stop)
    {
        while (!stop.IsCancellationRequested && state.TryTake(out int item, out var reissue))
        {
            bool accepted = false;
            try
            {
                accepted = await ProcessAsync(state, seeds, store, item, reissue, progress, stop).ConfigureAwait(false);
            }
            finally
            {
                state.Finish(item, accepted);
            }
        }
    }

    private async Task<bool> ProcessAsync(RunState state, IReadOnlyList<SyntheticInstance> seeds, GenerationRunStore store, int item, IssuedPrompt? reissue, IProgress<GenerationSummary>? progress, CancellationTokenSource stop)
    {
        var ct = stop.Token;
        string itemId = ItemId(item);
        var call = new GenerationCall(this, state, item, itemId, seeds, store, progress)
        {
            Attempt = reissue?.Attempt ?? 1,
            Prompt = reissue?.Prompt,
            Issued = reissue is not null,
        };
        if (call.Attempt > _options.MaxAttempts)
        {
            GenerationLog.GaveUp(_logger, itemId, _options.MaxAttempts);
            return false;
        }

        // Two pipelines, each built once: the attempts pipeline re-prompts a rejected completion at once (a new
        // prompt), the transport pipeline inside it resends the same prompt after a passing fault.
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(CallKey, call);
        GenerationOutcome? outcome;
        try
        {
            outcome = await _attempts.ExecuteAsync(static (c, call) => call.Engine.AttemptAsync(call, c), context, call).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Classify(ex) is { } fault)
        {
            if (!fault.Retryable)
            {
                state.Abort ??= new GenerationAbortedException($"The endpoint refused the request for {itemId} ({fault.Description}); the run stopped. Everything accepted so far is in {store.Path}.", ex);
                await stop.CancelAsync().ConfigureAwait(false);
            }
            else if (call.CircuitOpened)
            {
                state.Abort ??= new GenerationAbortedException($"{_options.CircuitBreakerThreshold} transport failures in a row (last: {fault.Description}); the circuit is open and the run stopped. Everything accepted so far is in {store.Path}; run again with resume to continue.", ex);
                await stop.CancelAsync().ConfigureAwait(false);
            }
            else
            {
                GenerationLog.GaveUp(_logger, itemId, call.Attempt);
            }

            return false;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome is null)
        {
            state.StoppedReason ??= "budget";
            await stop.CancelAsync().ConfigureAwait(false);
            return false;
        }

        if (!outcome.Accepted)
        {
            GenerationLog.GaveUp(_logger, itemId, _options.MaxAttempts);
        }

        return outcome.Accepted;
    }

    /// <summary>One attempt of an item: its prompt (logged before it is sent, for instance generation), the call through the transport pipeline, and the completion recorded.</summary>
    /// <returns>The completion, or <see langword="null"/> when the budget allows no more requests.</returns>
    private async ValueTask<GenerationOutcome?> AttemptAsync(GenerationCall call, ResilienceContext context)
    {
        var state = call.State;
        int attempt = call.Attempt;
        string prompt = call.Prompt ??= BuildPrompt(state, call.Seeds, call.Item, attempt);
        if (!call.Issued && _options.Method == GenerationMethod.InstanceGeneration && !state.BudgetExhausted())
        {
            await call.Store.AppendIssuedAsync(call.ItemId, call.Item, attempt, prompt).ConfigureAwait(false);
            call.Issued = true;
        }

        call.Request = new GenerationRequest(_options.Method, _options.Domain, prompt, _options.PromptStyle) { Item = call.Item, Attempt = attempt };
        GenerationOutcome? outcome;
        using (var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.GenerationAttemptSpan))
        {
            if (activity is not null)
            {
                activity.SetTag(_settingTag.Key, _settingTag.Value);
                activity.SetTag(_generatorTag.Key, _generatorTag.Value);
                activity.SetTag(AgoraBenchTelemetry.ItemAttribute, call.ItemId);
                activity.SetTag(AgoraBenchTelemetry.AttemptAttribute, attempt);
            }

            try
            {
                outcome = await _transport.ExecuteAsync(static (c, call) => call.Engine.SendAsync(call, c.CancellationToken), context, call).ConfigureAwait(false);
            }
            catch (Exception ex) when (!context.CancellationToken.IsCancellationRequested && Classify(ex) is { } fault)
            {
                Telemetry.Fail(activity, ex.GetType().FullName!, fault.Retryable ? "transport failure" : "refused");
                activity?.SetTag(AgoraBenchTelemetry.OutcomeAttribute, fault.Retryable ? "transport_error" : "refused");
                throw;
            }

            if (outcome is null)
            {
                return null;
            }

            if (activity is not null)
            {
                activity.SetTag(AgoraBenchTelemetry.OutcomeAttribute, outcome.Accepted ? "accepted" : "rejected");
                activity.SetTag(AgoraBenchTelemetry.RejectionAttribute, outcome.Rejection?.Code);
                activity.SetTag(AgoraBenchTelemetry.InputTokensAttribute, outcome.InputTokens);
                activity.SetTag(AgoraBenchTelemetry.OutputTokensAttribute, outcome.OutputTokens);
            }
        }

        state.Completion(outcome, _options);
        Measure(outcome);
        await call.Store.AppendAttemptAsync(call.ItemId, attempt, outcome, CancellationToken.None).ConfigureAwait(false);
        if (outcome.Accepted)
        {
            var instance = new SyntheticInstance
            {
                Instruction = outcome.Instruction!,
                Response = outcome.Response!,
                Id = call.ItemId,
                Index = _options.Method == GenerationMethod.InstanceGeneration ? null : call.Item,
                Config = _options.Method == GenerationMethod.InstanceGeneration ? null : call.Seeds[call.Item].Config,
                Method = _options.Method,
                Domain = _options.Domain,
                Generator = _options.Generator,
            };
            await call.Store.AppendInstanceAsync(instance, CancellationToken.None).ConfigureAwait(false);
            state.Accept(instance);
            if (Telemetry.Instances.Enabled)
            {
                Telemetry.Instances.Add(1, _settingTag, _generatorTag);
            }

            call.Progress?.Report(state.Snapshot());
            return outcome;
        }

        if (Telemetry.Rejections.Enabled)
        {
            Telemetry.Rejections.Add(1, _settingTag, _generatorTag, new(AgoraBenchTelemetry.RejectionAttribute, outcome.Rejection!.Code));
        }

        GenerationLog.Rejected(_logger, call.ItemId, attempt, outcome.Rejection!.Code);
        call.Progress?.Report(state.Snapshot());

        // The next attempt, if the pipeline makes one, draws a new prompt.
        call.Attempt++;
        call.Prompt = null;
        call.Issued = false;
        return outcome;
    }

    private void Measure(GenerationOutcome outcome)
    {
        if (Telemetry.Tokens.Enabled)
        {
            Telemetry.Tokens.Add(outcome.InputTokens, _settingTag, _generatorTag, new(AgoraBenchTelemetry.TokenTypeAttribute, "input"));
            Telemetry.Tokens.Add(outcome.OutputTokens, _settingTag, _generatorTag, new(AgoraBenchTelemetry.TokenTypeAttribute, "output"));
        }

        if (Telemetry.Cost.Enabled && _options.PriceInputPerMillion is { } input && _options.PriceOutputPerMillion is { } output)
        {
            decimal usd = ((outcome.InputTokens * input) + (outcome.OutputTokens * output)) / 1_000_000m;
            Telemetry.Cost.Add((double)usd, new(AgoraBenchTelemetry.StageAttribute, "generate"), _generatorTag);
        }
    }

    /// <summary>One call to the generator, as the pipeline runs it (and runs it again after a passing fault).</summary>
    /// <returns>The outcome, or <see langword="null"/> when the budget allows no more requests.</returns>
    private async ValueTask<GenerationOutcome?> SendAsync(GenerationCall call, CancellationToken ct)
    {
        call.Fault = null;
        if (call.State.BudgetExhausted())
        {
            return null;
        }

        await AcquireAsync(call.State, call.Request.Prompt, ct).ConfigureAwait(false);
        try
        {
            return await _generator.GenerateAsync(call.Request, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && Classify(ex) is { Retryable: true } fault)
        {
            call.Fault = fault;
            call.TransportFailures++;
            if (Telemetry.Retries.Enabled)
            {
                Telemetry.Retries.Add(1, _settingTag, _generatorTag);
            }

            call.CircuitOpened = call.State.TransportFailure() >= _options.CircuitBreakerThreshold;
            throw;
        }
    }

    /// <summary>
    /// The attempts pipeline (<c>AgoraBench.Generation.Attempts</c>), built once: a rejected completion is re-prompted
    /// at once, while the item has attempts left (<see cref="GenerationEngineOptions.MaxAttempts"/>, counted across
    /// resumed runs).
    /// </summary>
    private ResiliencePipeline AttemptsPipeline()
    {
        var builder = ModelCallRetry.Builder(ModelCallRetry.GenerationAttempts, _time, null);
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxAttempts - 1,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Result is GenerationOutcome { Accepted: false }
                    && args.Context.Properties.GetValue(CallKey, null!).Attempt <= _options.MaxAttempts),
            });
        }

        return builder.Build();
    }

    /// <summary>
    /// The engine's transport pipeline (<c>AgoraBench.Generation</c>), built once: it retries a call that failed in
    /// passing while the item has retries left and the failures in a row have not opened the circuit, after a
    /// seeded-jitter back-off or the server's Retry-After (both capped).
    /// </summary>
    private ResiliencePipeline TransportPipeline()
    {
        var builder = ModelCallRetry.Builder(ModelCallRetry.Generation, _time, null);
        if (_options.MaxTransportRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxTransportRetries,
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is not null
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && args.Context.Properties.GetValue(CallKey, null!) is { Fault: not null, CircuitOpened: false } call
                    && call.TransportFailures <= _options.MaxTransportRetries),
                DelayGenerator = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    return new ValueTask<TimeSpan?>(Backoff(call.Item, call.TransportFailures, call.Fault?.RetryAfter));
                },
                OnRetry = args =>
                {
                    var call = args.Context.Properties.GetValue(CallKey, null!);
                    GenerationLog.Retrying(_logger, call.ItemId, call.Fault?.Description ?? "transport failure", call.TransportFailures, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private static TokenBucketRateLimiter? Limiter(int? perMinute) => perMinute is not { } limit ? null : new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = BucketSize(limit),
        TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(limit / 60.0)),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private static int BucketSize(int perMinute) => Math.Max(1, perMinute / 6);

    private static async Task AcquireAsync(RunState state, string prompt, CancellationToken ct)
    {
        if (state.RequestLimiter is { } requests)
        {
            using var lease = await requests.AcquireAsync(1, ct).ConfigureAwait(false);
        }

        if (state.TokenLimiter is { } tokens)
        {
            // Until the endpoint has reported usage, estimate four characters per token plus a typical answer.
            // A request larger than the bucket takes the whole bucket.
            int estimate = state.AverageTokensPerCall() ?? ((prompt.Length / 4) + 256);
            using var lease = await tokens.AcquireAsync(Math.Clamp(estimate, 1, BucketSize(state.TokensPerMinute!.Value)), ct).ConfigureAwait(false);
        }
    }

    private string BuildPrompt(RunState state, IReadOnlyList<SyntheticInstance> seeds, int item, int attempt)
    {
        if (_options.Method != GenerationMethod.InstanceGeneration)
        {
            return GenerationPromptBuilder.ForSeed(_template, seeds[item]).Text;
        }

        var random = new Random(StableSeed.Mix(_options.RandomSeed, item, attempt));
        return GenerationPromptBuilder.InstanceGeneration(_template, _options.Themes ?? GenerationThemes.For(_options.Domain), seeds, state.GeneratedSnapshot(), random, _options.DemonstrationMode, _options.PromptStyle).Text;
    }

    private string ItemId(int item) =>
        string.Create(CultureInfo.InvariantCulture, $"{AgoraBenchNames.ToName(_options.Method)}-{AgoraBenchNames.ToName(_options.Domain)}-{item}");

    private TimeSpan Backoff(int item, int failures, TimeSpan? retryAfter)
    {
        // Jitter from a seeded source: items spread apart, and a rerun waits the same.
        var jitter = new Random(StableSeed.Mix(_options.RandomSeed, item, failures, 17));
        double cap = _options.MaxRetryDelay.TotalMilliseconds;
        if (retryAfter is { } after)
        {
            return TimeSpan.FromMilliseconds(Math.Min(cap, after.TotalMilliseconds * (1 + (jitter.NextDouble() * 0.1))));
        }

        double exponential = Math.Min(cap, _options.RetryDelay.TotalMilliseconds * Math.Pow(2, failures - 1));
        return TimeSpan.FromMilliseconds(exponential * (0.5 + (jitter.NextDouble() * 0.5)));
    }

    private TransportFault? Classify(Exception ex) => TransportFault.Classify(ex, _time);


}
