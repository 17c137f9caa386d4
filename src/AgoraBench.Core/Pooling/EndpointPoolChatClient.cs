using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace AgoraBench;

/// <summary>
/// Several OpenAI-compatible replicas (vLLM or Ollama servers of the same model) behind one <see cref="IChatClient"/>:
/// each call goes to the admitted replica with the fewest requests outstanding relative to its concurrency, waits
/// when every replica is full, and moves to another replica when the one it tried fails with a transport fault
/// (429, 5xx, timeout, connection lost), so no call is lost to a failing replica.
/// </summary>
/// <remarks>
/// A replica that fails <see cref="EndpointPoolOptions.FailureThreshold"/> times in a row is ejected for
/// <see cref="EndpointPoolOptions.EjectionTime"/> (doubling for each ejection in a row, up to
/// <see cref="EndpointPoolOptions.MaxEjectionTime"/>); when the time is up it gets one probe request, and a success
/// re-admits it. A refusal (another 4xx) is the request's fault, not the replica's: it is thrown at once and never
/// ejects. When every replica is ejected, calls wait for the first ejection to end. Streaming calls move only before
/// their first update. Thread-safe; the pool disposes its replicas' clients.
/// </remarks>
public sealed class EndpointPoolChatClient : IChatClient
{
    private readonly Member[] _members;
    private readonly EndpointPoolOptions _options;
    private readonly Lock _gate = new();
    private readonly int _attempts;
    private readonly ResiliencePipeline _failover;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Initializes a new instance of the <see cref="EndpointPoolChatClient"/> class with the default ejection settings.</summary>
    /// <param name="endpoints">The replicas (at least one; names unique, concurrency at least 1).</param>
    /// <exception cref="ArgumentException">The replicas are invalid; every problem is listed.</exception>
    public EndpointPoolChatClient(IEnumerable<PooledEndpoint> endpoints)
        : this(endpoints, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EndpointPoolChatClient"/> class.</summary>
    /// <param name="endpoints">The replicas (at least one; names unique, concurrency at least 1).</param>
    /// <param name="options">Ejection settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The replicas or options are invalid; every problem is listed.</exception>
    internal EndpointPoolChatClient(IEnumerable<PooledEndpoint> endpoints, EndpointPoolOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _options = options ?? new EndpointPoolOptions();
        var list = endpoints.ToArray();
        var problems = new List<string>(_options.Validate());
        if (list.Length == 0)
        {
            problems.Add("At least one endpoint is required.");
        }

        problems.AddRange(list.Where(e => e.Concurrency < 1).Select(e => $"Endpoint {e.Name}: Concurrency must be at least 1 (was {e.Concurrency})."));
        problems.AddRange(list.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"Endpoint name {g.Key} is used {g.Count()} times."));
        OptionErrors.ThrowIfAny(problems, "endpoint pool", nameof(endpoints));
        _members = [.. list.Select((e, i) => new Member(e, i))];
        _attempts = Math.Min(_options.MaxAttempts ?? _members.Length, _members.Length);
        _failover = Pipeline(_attempts, _options.TimeProvider);
    }

    /// <summary>Gets each replica's state and counts.</summary>
    public IReadOnlyList<PooledEndpointStatistics> Statistics
    {
        get
        {
            lock (_gate)
            {
                var now = _options.TimeProvider.GetUtcNow();
                return [.. _members.Select(m => new PooledEndpointStatistics(m.Endpoint.Name, m.Outstanding, m.Requests, m.Succeeded, m.Failed, m.Ejections, m.EjectedUntil > now ? m.EjectedUntil : null))];
            }
        }
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = new PoolCall(this, messages as IReadOnlyList<ChatMessage> ?? [.. messages], options);
        return await _failover.ExecuteAsync(static (call, ct) => call.Pool.SendAsync(call, ct), call, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var call = new PoolCall(this, messages as IReadOnlyList<ChatMessage> ?? [.. messages], options);

        // The pipeline moves the call to another replica until one gives its first update; after that it stays.
        var (member, stream, first) = await _failover.ExecuteAsync(static (call, ct) => call.Pool.OpenStreamAsync(call, ct), call, cancellationToken).ConfigureAwait(false);
        try
        {
            if (first)
            {
                yield return stream.Current;
                while (await stream.MoveNextAsync().ConfigureAwait(false))
                {
                    yield return stream.Current;
                }
            }

            Succeeded(member);
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            Release(member);
        }
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : _members[0].Endpoint.Client.GetService(serviceType, serviceKey);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var member in _members)
        {
            member.Endpoint.Client.Dispose();
        }
    }

    /// <summary>
    /// The pool's failover pipeline (<c>AgoraBench.EndpointPool</c>), built once: a call that failed in passing on one
    /// replica is sent at once to another it has not tried, up to <see cref="EndpointPoolOptions.MaxAttempts"/>
    /// replicas; refusals come straight out. Ejection (the per-replica breaker) stays with the pool.
    /// </summary>
    private static ResiliencePipeline Pipeline(int attempts, TimeProvider time)
    {
        var builder = ModelCallRetry.Builder(ModelCallRetry.EndpointPool, time, null);
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = attempts - 1,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = args => new ValueTask<bool>(ModelCallRetry.IsPassing(args.Outcome.Exception, time, args.Context.CancellationToken)),
            });
        }

        return builder.Build();
    }

    private async ValueTask<ChatResponse> SendAsync(PoolCall call, CancellationToken cancellationToken)
    {
        var (member, epoch) = await AcquireAsync(call.Tried, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await member.Endpoint.Client.GetResponseAsync(call.Messages, call.Options, cancellationToken).ConfigureAwait(false);
            Succeeded(member);
            return response;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && TransportFault.Classify(ex, _options.TimeProvider) is { Retryable: true })
        {
            Failed(member, epoch);
            call.Tried.Add(member.Index);
            throw;
        }
        finally
        {
            Release(member);
        }
    }

    private async ValueTask<(Member Member, IAsyncEnumerator<ChatResponseUpdate> Stream, bool First)> OpenStreamAsync(PoolCall call, CancellationToken cancellationToken)
    {
        var (member, epoch) = await AcquireAsync(call.Tried, cancellationToken).ConfigureAwait(false);
        IAsyncEnumerator<ChatResponseUpdate>? stream = null;
        try
        {
            stream = member.Endpoint.Client.GetStreamingResponseAsync(call.Messages, call.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            return (member, stream, await stream.MoveNextAsync().ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            // As before: the last replica's failure is the caller's to see, and does not count against the replica.
            if (!cancellationToken.IsCancellationRequested && TransportFault.Classify(ex, _options.TimeProvider) is { Retryable: true } && call.Tried.Count + 1 < _attempts)
            {
                Failed(member, epoch);
                call.Tried.Add(member.Index);
            }

            Release(member);
            throw;
        }
    }

    private async Task<(Member Member, int Epoch)> AcquireAsync(HashSet<int> tried, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task released;
            TimeSpan? ejectionEnds = null;
            lock (_gate)
            {
                var now = _options.TimeProvider.GetUtcNow();
                Member? best = null;
                foreach (var member in _members)
                {
                    if (tried.Contains(member.Index))
                    {
                        continue;
                    }

                    if (member.EjectedUntil > now)
                    {
                        var wait = member.EjectedUntil - now;
                        ejectionEnds = ejectionEnds is { } soonest && soonest < wait ? soonest : wait;
                        continue;
                    }

                    // After an ejection a replica gets one probe at a time until it answers.
                    int capacity = member.Probing ? 1 : member.Endpoint.Concurrency;
                    if (member.Outstanding >= capacity)
                    {
                        continue;
                    }

                    if (best is null || Load(member) < Load(best) || (Load(member) == Load(best) && member.Requests < best.Requests))
                    {
                        best = member;
                    }
                }

                if (best is not null)
                {
                    best.Outstanding++;
                    best.Requests++;
                    return (best, best.Epoch);
                }

                released = _released.Task;
            }

            // Everyone is busy (wait for a release) or ejected (wait for the first ejection to end, or a release).
            var timeout = ejectionEnds is { } end ? Task.Delay(end, _options.TimeProvider, cancellationToken) : Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.WhenAny(released, timeout).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static double Load(Member member) => (double)member.Outstanding / member.Endpoint.Concurrency;

    private void Succeeded(Member member)
    {
        lock (_gate)
        {
            member.Succeeded++;
            member.ConsecutiveFailures = 0;
            member.ConsecutiveEjections = 0;
            member.Probing = false;
        }
    }

    private void Failed(Member member, int epoch)
    {
        lock (_gate)
        {
            member.Failed++;

            // A request sent before the replica's latest ejection says nothing new about it.
            if (epoch != member.Epoch)
            {
                return;
            }

            member.ConsecutiveFailures++;
            if (member.Probing || member.ConsecutiveFailures >= _options.FailureThreshold)
            {
                var time = TimeSpan.FromTicks(Math.Min(_options.MaxEjectionTime.Ticks, _options.EjectionTime.Ticks << Math.Min(20, member.ConsecutiveEjections)));
                member.EjectedUntil = _options.TimeProvider.GetUtcNow() + time;
                member.Ejections++;
                member.ConsecutiveEjections++;
                member.ConsecutiveFailures = 0;
                member.Probing = true;
                member.Epoch++;
            }
        }
    }

    private void Release(Member member)
    {
        TaskCompletionSource released;
        lock (_gate)
        {
            member.Outstanding--;
            released = _released;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
    }

    private sealed class Member(PooledEndpoint endpoint, int index)
    {
        public PooledEndpoint Endpoint { get; } = endpoint;

        public int Index { get; } = index;

        public int Outstanding { get; set; }

        public long Requests { get; set; }

        public long Succeeded { get; set; }

        public long Failed { get; set; }

        public int ConsecutiveFailures { get; set; }

        public int ConsecutiveEjections { get; set; }

        public int Ejections { get; set; }

        public bool Probing { get; set; }

        public int Epoch { get; set; }

        public DateTimeOffset EjectedUntil { get; set; } = DateTimeOffset.MinValue;
    }
}
