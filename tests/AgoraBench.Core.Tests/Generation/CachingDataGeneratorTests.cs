using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Generation;

public sealed class CachingDataGeneratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agb-cache-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task SecondRun_IsServedFromTheCache_WithoutCallingTheEndpoint()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = _ => "Answer.\n[RESULT] 3 [/RESULT]";
        var seeds = Enumerable.Range(0, 6).Select(i => new SyntheticInstance { Instruction = $"Problem {i}?", Response = "3" }).ToArray();
        var options = new GenerationEngineOptions { Method = GenerationMethod.ResponseGeneration, Domain = BenchmarkDomain.Math, Generator = "g", Concurrency = 3 };
        string cachePath = Path.Combine(_dir, "cache.jsonl");

        for (int run = 0; run < 2; run++)
        {
            await using var cache = await CachingDataGenerator.OpenAsync(new ChatDataGenerator(server.ChatClient("g")), "g", cachePath);
            await using var store = await GenerationRunStore.OpenAsync(Path.Combine(_dir, $"run{run}.jsonl"), resume: false);
            var summary = await new GenerationEngine(cache, options).RunAsync(seeds, store);
            Assert.Equal(6, summary.Accepted);
            Assert.Equal(run == 0 ? 0 : 6, cache.Hits);
        }

        Assert.Equal(6, server.ChatCompletionsServed);
        Assert.DoesNotContain("test-key", await File.ReadAllTextAsync(cachePath), StringComparison.Ordinal);
        Assert.DoesNotContain(server.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), await File.ReadAllTextAsync(cachePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamePrompt_DifferentSampleNumbers_AreDifferentEntries()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        int n = 0;
        server.Chat = _ => $"Q{Interlocked.Increment(ref n)}?\nOUTPUT: A.\n[RESULT] 1 [/RESULT]";
        string path = Path.Combine(_dir, "samples.jsonl");
        await using (var cache = await CachingDataGenerator.OpenAsync(new ChatDataGenerator(server.ChatClient("g")), "g", path))
        {
            var first = await cache.GenerateAsync(new GenerationRequest(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "same prompt INPUT: ") { Item = 1 });
            var second = await cache.GenerateAsync(new GenerationRequest(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "same prompt INPUT: ") { Item = 2 });
            var again = await cache.GenerateAsync(new GenerationRequest(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "same prompt INPUT: ") { Item = 1 });
            Assert.NotEqual(first.Instruction, second.Instruction);
            Assert.Equal(first, again);
            Assert.Equal(1, cache.Hits);
        }

        Assert.Equal(2, server.ChatCompletionsServed);

        // A torn last line (a killed process) is dropped; the good entries survive.
        await File.AppendAllTextAsync(path, "{\"key\":\"abc\",\"instr");
        await using var reopened = await CachingDataGenerator.OpenAsync(new ChatDataGenerator(server.ChatClient("g")), "g", path);
        await reopened.GenerateAsync(new GenerationRequest(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "same prompt INPUT: ") { Item = 2 });
        Assert.Equal(1, reopened.Hits);
    }

    [Fact]
    public async Task MalformedCacheLine_NamesFileAndLine()
    {
        string path = Path.Combine(_dir, "bad.jsonl");
        await File.WriteAllTextAsync(path, "not json\n{\"key\":\"k\",\"completion\":\"c\",\"input_tokens\":1,\"output_tokens\":1}\n");
        await using var server = await FakeOpenAIServer.StartAsync();
        var ex = await Assert.ThrowsAsync<DataValidationException>(() => CachingDataGenerator.OpenAsync(new ChatDataGenerator(server.ChatClient("g")), "g", path));
        Assert.Contains("bad.jsonl", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1", ex.Message, StringComparison.Ordinal);
    }
}
