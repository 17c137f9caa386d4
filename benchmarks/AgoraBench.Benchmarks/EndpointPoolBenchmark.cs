using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Pool throughput when one replica of three fails. Each replica is a loopback OpenAI-compatible server answering
/// after 50 ms with concurrency 8, so three healthy replicas carry 480 requests/s; 24 callers send 480 requests.
/// Side by side: three healthy replicas (the baseline), two healthy replicas alone (the ideal for a pool that has lost
/// one), and two healthy replicas plus one that answers every request with HTTP 503. The target is about two
/// thirds of the healthy throughput (a time ratio near 1.5) with every request answered.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class EndpointPoolBenchmark
{
    private const int Requests = 480;
    private const int Callers = 24;
    private const int PerReplica = 8;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    private LoopbackChatServer[] _healthy = null!;
    private LoopbackChatServer _failing = null!;

    [GlobalSetup]
    public void Setup()
    {
        _healthy = [.. Enumerable.Range(0, 3).Select(_ => LoopbackChatServer.StartAsync(Latency).GetAwaiter().GetResult())];
        _failing = LoopbackChatServer.StartAsync(Latency, failWith: 503).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var server in _healthy.Append(_failing))
        {
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true, Description = "3 healthy replicas")]
    public Task<int> ThreeHealthy() => RunAsync(_healthy);

    [Benchmark(Description = "2 healthy replicas alone (ideal after losing one)")]
    public Task<int> TwoHealthy() => RunAsync(_healthy[..2]);

    [Benchmark(Description = "2 healthy + 1 answering HTTP 503")]
    public Task<int> TwoHealthyOneFailing() => RunAsync([.. _healthy[..2], _failing]);

    private static async Task<int> RunAsync(IEnumerable<LoopbackChatServer> servers)
    {
        using var pool = new EndpointPoolChatClient(servers.Select((s, i) => new PooledEndpoint($"replica-{i}", Client(s), PerReplica)));
        int next = -1;
        int answered = 0;
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Requests)
            {
                var response = await pool.GetResponseAsync("What is 12 + 30?");
                if (response.Text.Length > 0)
                {
                    Interlocked.Increment(ref answered);
                }
            }
        }));
        return answered == Requests ? answered : throw new InvalidOperationException($"{Requests - answered} request(s) lost");
    }

    private static IChatClient Client(LoopbackChatServer server) =>
        new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = server.Endpoint, RetryPolicy = new ClientRetryPolicy(0) })
            .GetChatClient("gen").AsIChatClient();
}
