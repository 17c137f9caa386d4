using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AgoraBench.Tests.Pooling;

public sealed class EndpointPoolChatClientTests : IAsyncLifetime
{
    private readonly List<FakeOpenAIServer> _servers = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("agb-pool-").FullName;

    public async Task InitializeAsync()
    {
        for (int i = 0; i < 3; i++)
        {
            var server = await FakeOpenAIServer.StartAsync();
            server.Chat = prompt => $"```python\ndef f(x):\n    return x + {prompt.Length % 97}\n```";
            server.ChatLatency = TimeSpan.FromMilliseconds(15);
            _servers.Add(server);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    private EndpointPoolChatClient Pool(int count, EndpointPoolOptions? options = null, int concurrency = 4) =>
        new([.. _servers.Take(count).Select((s, i) => new PooledEndpoint($"replica-{i}", s.GeneratorClient("coder", TimeSpan.FromSeconds(5)), concurrency))], options);

    [Fact]
    public async Task OneOfThreeReplicasFailing_LosesNothing_AndIsEjected_WhileTheOthersCarryTheLoad()
    {
        for (int i = 0; i < 1000; i++)
        {
            _servers[2].Faults.Enqueue(500);
        }

        // The pool's clock stands still, so an ejection lasts the whole run however slowly a loaded machine runs it.
        using var pool = Pool(3, new EndpointPoolOptions { TimeProvider = new FakeTimeProvider() });
        var seeds = Enumerable.Range(0, 150).Select(i => new SyntheticInstance { Instruction = $"Write a function that adds {i} to its argument.", Response = string.Empty }).ToArray();
        var engine = new GenerationEngine(new ChatDataGenerator(pool), new GenerationEngineOptions
        {
            Method = GenerationMethod.ResponseGeneration,
            Domain = BenchmarkDomain.Code,
            Generator = "coder",
            Concurrency = 12,
        });
        GenerationSummary summary;
        string path = Path.Combine(_dir, "rg-code.jsonl");
        await using (var store = await GenerationRunStore.OpenAsync(path, resume: false))
        {
            summary = await engine.RunAsync(seeds, store);
        }

        var rows = await SyntheticDataset.ReadAsync(path);
        Assert.Equal(150, rows.Count);
        Assert.Equal(150, rows.Select(r => r.Index).Distinct().Count());
        Assert.Equal(0, summary.TransportRetries);

        // The failing replica is ejected at its third failure in a row. Besides those three it can only have served the
        // requests that were already in flight on it at that moment: at most its concurrency (4) less the one that failed
        // last. Slots freed by the first two failures may be refilled before the third, so the bound is 3 + 3, not 3 + 1.
        var stats = pool.Statistics;
        Assert.InRange(_servers[2].FaultsServed, 3, 3 + (4 - 1));
        Assert.Equal(1, stats[2].Ejections);
        Assert.NotNull(stats[2].EjectedUntil);
        Assert.Equal(150, _servers[0].ChatCompletionsServed + _servers[1].ChatCompletionsServed);
        Assert.InRange(_servers[0].ChatCompletionsServed, 50, 100);
    }

    [Fact]
    public async Task AnEjectedReplica_IsProbedWhenItsTimeIsUp_AndReadmittedWhenItAnswers()
    {
        _servers[1].Faults.Enqueue(503);
        _servers[1].Faults.Enqueue(503);
        var clock = new FakeTimeProvider();
        using var pool = Pool(2, new EndpointPoolOptions { FailureThreshold = 2, EjectionTime = TimeSpan.FromMilliseconds(300), TimeProvider = clock }, concurrency: 1);

        for (int i = 0; i < 6; i++)
        {
            await pool.GetResponseAsync($"before {i}");
        }

        Assert.Equal(1, pool.Statistics[1].Ejections);
        int servedWhileEjected = _servers[1].ChatCompletionsServed;
        clock.Advance(TimeSpan.FromMilliseconds(299));
        await pool.GetResponseAsync("still ejected");
        Assert.Equal(0, _servers[1].ChatCompletionsServed);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => pool.GetResponseAsync($"after {i}")));

        Assert.Equal(0, servedWhileEjected);
        Assert.True(_servers[1].ChatCompletionsServed > 0, "the replica answers again after its probe");
        Assert.Null(pool.Statistics[1].EjectedUntil);
    }

    [Fact]
    public async Task ARefusal_IsThrownAtOnce_AndNeverEjects()
    {
        _servers[0].Faults.Enqueue(400);
        using var pool = Pool(1, new EndpointPoolOptions { FailureThreshold = 1 });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => pool.GetResponseAsync("bad request"));

        Assert.Contains("400", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, pool.Statistics[0].Ejections);
        Assert.NotNull(await pool.GetResponseAsync("fine now"));
    }

    [Fact]
    public async Task WhenEveryReplicaFails_TheLastFailureIsThrown_AfterOneTryEach()
    {
        foreach (var server in _servers)
        {
            server.Faults.Enqueue(502);
        }

        using var pool = Pool(3);

        await Assert.ThrowsAnyAsync<Exception>(() => pool.GetResponseAsync("anyone?"));

        Assert.All(_servers, s => Assert.Equal(1, s.FaultsServed));
    }

    [Fact]
    public async Task NoReplicaGetsMoreThanItsConcurrency()
    {
        // Every call is held until the test opens the gate: the pool fills both replicas (2 + 3 calls), and no more.
        var entered = new SemaphoreSlim(0);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var replicas = Enumerable.Range(0, 2).Select(i => new CountingClient(entered, gate.Task)).ToArray();
        using var pool = new EndpointPoolChatClient([new PooledEndpoint("a", replicas[0], 2), new PooledEndpoint("b", replicas[1], 3)]);

        var calls = Task.WhenAll(Enumerable.Range(0, 40).Select(i => pool.GetResponseAsync($"q{i}")));
        for (int i = 0; i < 5; i++)
        {
            Assert.True(await entered.WaitAsync(TimeSpan.FromMinutes(2)), "the pool did not fill its replicas");
        }

        Assert.Equal([2, 3], replicas.Select(r => r.InFlight));
        Assert.Equal(5, replicas.Sum(r => r.Calls));
        gate.SetResult();
        await calls;

        Assert.Equal(2, replicas[0].MaxInFlight);
        Assert.Equal(3, replicas[1].MaxInFlight);
        Assert.Equal(40, replicas.Sum(r => r.Calls));
    }

    [Fact]
    public void InvalidPools_ListEveryProblem()
    {
        var client = new CountingClient();

        var error = Assert.Throws<ArgumentException>(() => new EndpointPoolChatClient([new PooledEndpoint("a", client, 0), new PooledEndpoint("a", client)], new EndpointPoolOptions { FailureThreshold = 0 }));

        Assert.Contains("FailureThreshold must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Endpoint a: Concurrency must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Endpoint name a is used 2 times", error.Message, StringComparison.Ordinal);
    }

    private sealed class CountingClient(SemaphoreSlim? entered = null, Task? held = null) : IChatClient
    {
        private readonly Task _gate = held ?? Task.CompletedTask;

        private int _inFlight;
        private int _max;
        private int _calls;

        public int MaxInFlight => _max;

        public int InFlight => Volatile.Read(ref _inFlight);

        public int Calls => _calls;

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            int now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _max, now);
            Interlocked.Increment(ref _calls);
            entered?.Release();
            await _gate.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _inFlight);
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok"));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
