using System.Globalization;

namespace AgoraBench;

/// <summary>The shared, locked bookkeeping of one <see cref="GenerationEngine"/> run.</summary>
internal sealed class RunState
{
    private readonly Lock _lock = new();
    private readonly GenerationEngineOptions _options;
    private readonly Queue<int> _pending = new();
    private readonly Queue<IssuedPrompt> _reissue = new();
    private readonly Dictionary<string, int> _rejected = new(StringComparer.Ordinal);
    private readonly int _resumed;
    private readonly int _target;
    private SyntheticInstance[] _generated;
    private int _generatedCount;
    private int _nextSample;
    private int _step = 1;
    private int _reserved;
    private int _acceptedTotal;
    private int _accepted;
    private int _failed;
    private int _completions;
    private int _retries;
    private int _consecutiveTransportFailures;
    private long _inputTokens;
    private long _outputTokens;
    private decimal _cost;
    private decimal _dearestCall;

    public RunState(GenerationEngineOptions options, IReadOnlyList<SyntheticInstance> seeds, IReadOnlyList<SyntheticInstance> existing, IReadOnlyList<IssuedPrompt>? outstanding = null, int highestIssued = -1)
    {
        _options = options;
        _resumed = existing.Count;
        _generated = new SyntheticInstance[Math.Max(16, existing.Count * 2)];
        var shard = options.Shard;
        if (options.Method == GenerationMethod.InstanceGeneration)
        {
            // Item numbers of a shard are Number - 1, Number - 1 + Count, …: a resumed run continues after the highest.
            _step = shard.Count;
            _nextSample = shard.Number - 1;
            int highest = -1;
            foreach (var instance in existing)
            {
                _generated[_generatedCount++] = instance;
                int dash = instance.Id?.LastIndexOf('-') ?? -1;
                if (dash >= 0 && int.TryParse(instance.Id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int sample))
                {
                    highest = Math.Max(highest, sample);
                }
            }

            // Prompts issued and never answered go first, word for word; new items start after every number issued.
            foreach (var prompt in outstanding ?? [])
            {
                _reissue.Enqueue(prompt);
            }

            int floor = Math.Max(Math.Max(highest, highestIssued) + 1, shard.IsWhole ? existing.Count : 0);
            while (_nextSample < floor)
            {
                _nextSample += _step;
            }

            _target = shard.ShareOf(options.Count!.Value);
            _acceptedTotal = existing.Count;
        }
        else
        {
            var done = existing.Where(i => i.Index is not null).Select(i => i.Index!.Value).ToHashSet();
            int count = Math.Min(options.Count ?? seeds.Count, seeds.Count);
            for (int i = 0; i < count; i++)
            {
                if (!done.Contains(i) && shard.Contains(i))
                {
                    _pending.Enqueue(i);
                }
            }
        }
    }

    public GenerationAbortedException? Abort { get; set; }

    public System.Threading.RateLimiting.RateLimiter? RequestLimiter { get; set; }

    public System.Threading.RateLimiting.RateLimiter? TokenLimiter { get; set; }

    public int? TokensPerMinute => _options.TokensPerMinute;

    public int? AverageTokensPerCall()
    {
        lock (_lock)
        {
            return _completions == 0 ? null : (int)Math.Min(int.MaxValue, (_inputTokens + _outputTokens) / _completions);
        }
    }

    public string? StoppedReason { get; set; }

    public bool TryTake(out int item, out IssuedPrompt? reissue)
    {
        lock (_lock)
        {
            reissue = null;
            if (_options.Method == GenerationMethod.InstanceGeneration)
            {
                if (_acceptedTotal + _reserved < _target && _reissue.TryDequeue(out reissue))
                {
                    item = reissue.Item;
                    _reserved++;
                    return true;
                }

                if (_acceptedTotal + _reserved < _target)
                {
                    item = _nextSample;
                    _nextSample += _step;
                    _reserved++;
                    return true;
                }

                item = -1;
                return false;
            }

            return _pending.TryDequeue(out item);
        }
    }

    public void Finish(int item, bool accepted)
    {
        _ = item;
        lock (_lock)
        {
            if (_options.Method == GenerationMethod.InstanceGeneration)
            {
                _reserved--;
            }

            if (!accepted && Abort is null && StoppedReason is null)
            {
                _failed++;
            }
        }
    }

    public void Accept(SyntheticInstance instance)
    {
        lock (_lock)
        {
            _accepted++;
            _acceptedTotal++;
            if (_options.Method == GenerationMethod.InstanceGeneration)
            {
                if (_generatedCount == _generated.Length)
                {
                    // Grow into a new array, so segments handed out earlier stay valid.
                    var grown = new SyntheticInstance[_generated.Length * 2];
                    Array.Copy(_generated, grown, _generatedCount);
                    _generated = grown;
                }

                _generated[_generatedCount++] = instance;
            }
        }
    }

    public IReadOnlyList<SyntheticInstance> GeneratedSnapshot()
    {
        lock (_lock)
        {
            return new ArraySegment<SyntheticInstance>(_generated, 0, _generatedCount);
        }
    }

    public void Completion(GenerationOutcome outcome, GenerationEngineOptions options)
    {
        lock (_lock)
        {
            _completions++;
            _consecutiveTransportFailures = 0;
            _inputTokens += outcome.InputTokens;
            _outputTokens += outcome.OutputTokens;
            if (outcome.Rejection is { } rejection)
            {
                _rejected[rejection.Code] = _rejected.GetValueOrDefault(rejection.Code) + 1;
            }

            if (options.PriceInputPerMillion is { } pin && options.PriceOutputPerMillion is { } pout)
            {
                decimal call = ((outcome.InputTokens * pin) + (outcome.OutputTokens * pout)) / 1_000_000m;
                _cost += call;
                _dearestCall = Math.Max(_dearestCall, call);
            }
        }
    }

    public int TransportFailure()
    {
        lock (_lock)
        {
            _retries++;
            return ++_consecutiveTransportFailures;
        }
    }

    public bool BudgetExhausted()
    {
        if (_options.Budget is not { } budget)
        {
            return false;
        }

        lock (_lock)
        {
            return _cost + _dearestCall > budget;
        }
    }

    public GenerationSummary Snapshot()
    {
        lock (_lock)
        {
            return new GenerationSummary
            {
                Resumed = _resumed,
                Accepted = _accepted,
                Failed = _failed,
                RejectedByReason = new Dictionary<string, int>(_rejected, StringComparer.Ordinal),
                Completions = _completions,
                TransportRetries = _retries,
                InputTokens = _inputTokens,
                OutputTokens = _outputTokens,
                Cost = _options.PriceInputPerMillion is not null && _options.PriceOutputPerMillion is not null ? _cost : null,
                StoppedReason = StoppedReason,
            };
        }
    }
}
