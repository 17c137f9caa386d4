using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Sharding;

public sealed class ShardingTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agb-shard-").FullName;
    private FakeOpenAIServer _server = null!;
    private int _answers;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();
        _server.Chat = _ =>
        {
            int n = Interlocked.Increment(ref _answers);
            return $"Question {n}: what is {n} + 2?\nOUTPUT: {n} + 2 = {n + 2}.\n[RESULT] {n + 2} [/RESULT]";
        };
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly SyntheticInstance[] Seeds = [.. Enumerable.Range(0, 25).Select(i => new SyntheticInstance { Instruction = $"What is {i} + 2?", Response = $"{i} + 2 = {i + 2}.\n[RESULT] {i + 2} [/RESULT]" })];

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("4/4", 4, 4)]
    public void ShardSpec_ParsesIOverN(string text, int number, int count)
    {
        Assert.True(ShardSpec.TryParse(text, out var shard));
        Assert.Equal(new ShardSpec(number, count), shard);
        Assert.Equal(text, shard.ToString());
    }

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void ShardSpec_RefusesWhatIsNotAShard(string text) => Assert.False(ShardSpec.TryParse(text, out _));

    [Fact]
    public void Shares_AddUpToTheWhole_AndPositionsAreDealtOutOnce()
    {
        var shards = Enumerable.Range(1, 3).Select(i => new ShardSpec(i, 3)).ToArray();

        Assert.Equal([4, 3, 3], shards.Select(s => s.ShareOf(10)));
        Assert.All(Enumerable.Range(0, 100), p => Assert.Single(shards, s => s.Contains(p)));
    }

    private async Task<string> GenerateAsync(GenerationMethod method, ShardSpec shard, int? count, string name)
    {
        string path = Path.Combine(_dir, name);
        var engine = new GenerationEngine(new ChatDataGenerator(_server.GeneratorClient("gen", TimeSpan.FromSeconds(5))), new GenerationEngineOptions
        {
            Method = method,
            Domain = BenchmarkDomain.Math,
            Count = count,
            Generator = "gen",
            Concurrency = 3,
            Shard = shard,
        });
        await using var store = await GenerationRunStore.OpenAsync(path, resume: true);
        await engine.RunAsync(Seeds, store);
        return path;
    }

    [Fact]
    public async Task InstanceGenerationShards_TakeTheirShare_WithIdsThatNeverClash_AndMergeComplete()
    {
        var files = new List<string>();
        for (int i = 1; i <= 3; i++)
        {
            files.Add(await GenerateAsync(GenerationMethod.InstanceGeneration, new ShardSpec(i, 3), 10, $"ig.{i}.jsonl"));
        }

        Assert.Equal([4, 3, 3], files.Select(f => File.ReadAllLines(f).Length));
        string merged = Path.Combine(_dir, "ig.jsonl");

        var report = await JsonLinesShardMerger.MergeAsync(files, merged, expected: 10);

        Assert.True(report.Complete, string.Join(", ", report.Missing.Concat(report.Duplicates)));
        var rows = await SyntheticDataset.ReadAsync(merged);
        Assert.Equal(10, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(File.ReadAllLines(merged + ".attempts.jsonl").Length, files.Sum(f => File.ReadAllLines(f + ".attempts.jsonl").Length));
    }

    [Fact]
    public async Task ResponseGenerationShards_CoverEverySeedOnce_AndTheMergerNamesWhatIsMissingOrDoubled()
    {
        string first = await GenerateAsync(GenerationMethod.ResponseGeneration, new ShardSpec(1, 2), null, "rg.1.jsonl");
        string second = await GenerateAsync(GenerationMethod.ResponseGeneration, new ShardSpec(2, 2), null, "rg.2.jsonl");
        Assert.Equal(13, File.ReadAllLines(first).Length);
        Assert.Equal(12, File.ReadAllLines(second).Length);

        var whole = await JsonLinesShardMerger.MergeAsync([first, second], Path.Combine(_dir, "rg.jsonl"), expected: 25);
        Assert.True(whole.Complete);

        var lacking = await JsonLinesShardMerger.MergeAsync([first], Path.Combine(_dir, "rg-half.jsonl"), expected: 25);
        Assert.False(lacking.Complete);
        Assert.Equal(12, lacking.Missing.Count);
        Assert.Contains("response-generation-math-1", lacking.Missing);

        var doubled = await JsonLinesShardMerger.MergeAsync([first, second, first], Path.Combine(_dir, "rg-doubled.jsonl"), expected: 25);
        Assert.Equal(13, doubled.Duplicates.Count);
        Assert.Equal(25, doubled.Rows);
    }

    [Fact]
    public async Task ALineWithoutAnId_NamesTheFileAndLine()
    {
        string bad = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(bad, "{\"id\": \"a\"}\n{\"instruction\": \"no id\"}\n");

        var error = await Assert.ThrowsAsync<DataValidationException>(() => JsonLinesShardMerger.MergeAsync([bad], Path.Combine(_dir, "out.jsonl")));

        Assert.Contains(bad + ":2: field 'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBadLine_IsNamedAtOnce_AndRowsAreCopiedAsTheyAre()
    {
        string bad = Path.Combine(_dir, "bad-many.jsonl");
        File.WriteAllText(bad, "{\"id\": \"a\"}\n{\"id\": \"b\", \"x\": [1,\n{\"id\": null}\n[1, 2]\n{\"id\": \"c\"} trailing\n");

        var error = await Assert.ThrowsAsync<DataValidationException>(() => JsonLinesShardMerger.MergeAsync([bad], Path.Combine(_dir, "out-many.jsonl")));

        Assert.Equal([2, 3, 4, 5], error.Errors.Select(e => e.Line!.Value));
        Assert.All(error.Errors, e => Assert.Equal(bad, e.Source));
        Assert.Equal("id", error.Errors[1].Field);

        // A number is an id too; every row keeps its bytes (field order, spacing, unknown fields).
        string good = Path.Combine(_dir, "good.jsonl");
        string rows = "{\"id\": 0, \"output\": \"ü \\u00fc\"}\n{ \"extra\": true, \"id\": \"1\" }\n";
        File.WriteAllText(good, rows);
        var report = await JsonLinesShardMerger.MergeAsync([good], Path.Combine(_dir, "good-out.jsonl"), expected: 2);
        Assert.True(report.Complete, string.Join(", ", report.Missing));
        Assert.Equal(rows, File.ReadAllText(Path.Combine(_dir, "good-out.jsonl")));
    }
}
