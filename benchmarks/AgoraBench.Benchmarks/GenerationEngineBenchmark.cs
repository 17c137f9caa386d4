using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgoraBench.Benchmarks;

/// <summary>
/// Engine throughput: 640 response-generation items against a loopback OpenAI-compatible endpoint with 100 ms latency
/// at concurrency 64, so the ideal is 10 waves of 100 ms = 1.0 s (640 requests/s). Baselines side by side: the ideal
/// itself (64 workers doing nothing but the 100 ms wait) and the same 640 requests sent by a bare HttpClient.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 8)]
[MemoryDiagnoser]
public class GenerationEngineBenchmark
{
    private const int Items = 640;
    private const int Concurrency = 64;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    private LoopbackChatServer _server = null!;
    private IChatClient _client = null!;
    private HttpClient _http = null!;
    private SyntheticInstance[] _seeds = null!;
    private string _dir = null!;
    private int _run;

    [GlobalSetup]
    public void Setup()
    {
        _server = LoopbackChatServer.StartAsync(Latency).GetAwaiter().GetResult();
        _client = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = _server.Endpoint, RetryPolicy = new ClientRetryPolicy(0) })
            .GetChatClient("gen").AsIChatClient();
        _http = new HttpClient();
        _seeds = [.. Enumerable.Range(0, Items).Select(i => new SyntheticInstance { Instruction = $"What is {i} + 30? Show the steps.", Response = $"{i + 30}" })];
        _dir = Directory.CreateTempSubdirectory("agb-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_dir, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Ideal: 64 workers × 10 waits of 100 ms")]
    public async Task Ideal()
    {
        int next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Items)
            {
                await Task.Delay(Latency);
            }
        }));
    }

    [Benchmark(Description = "Bare HttpClient, 640 POSTs at concurrency 64")]
    public async Task BareHttpClient()
    {
        int next = -1;
        var uri = new Uri(_server.Endpoint, "chat/completions");
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < Items)
            {
                using var content = new StringContent("{\"model\":\"gen\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}", System.Text.Encoding.UTF8, "application/json");
                using var response = await _http.PostAsync(uri, content);
                await response.Content.ReadAsByteArrayAsync();
            }
        }));
    }

    [Benchmark(Description = "GenerationEngine: prompt, OpenAI client, parse, validate, durable store")]
    public async Task<int> Engine()
    {
        var options = new GenerationEngineOptions { Method = GenerationMethod.ResponseGeneration, Domain = BenchmarkDomain.Math, Generator = "gen", Concurrency = Concurrency };
        string path = Path.Combine(_dir, $"run-{Interlocked.Increment(ref _run)}.jsonl");
        await using var store = await GenerationRunStore.OpenAsync(path, resume: false);
        var summary = await new GenerationEngine(new ChatDataGenerator(_client), options).RunAsync(_seeds, store);
        return summary.Accepted == Items ? Items : throw new InvalidOperationException($"accepted {summary.Accepted}");
    }
}
