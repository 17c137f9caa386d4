using System.ClientModel;
using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgoraBench.OpenAI.Tests;

/// <summary>
/// The batch client's own files (state.json, batches.jsonl, results.jsonl) compared byte for byte with golden samples,
/// and the checked-in samples read back by a reopened client (a resumed batch reads what an earlier version wrote).
/// </summary>
public sealed class OpenAIBatchStateFileTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Instant = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private readonly string _state = Path.Combine(Path.GetTempPath(), "agorabench-batch-files-" + Guid.NewGuid().ToString("N"));
    private FakeBatchServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeBatchServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    private Task<OpenAIBatchChatClient> OpenAsync() => OpenAIBatchChatClient.OpenAsync(
        new global::OpenAI.OpenAIClient(new ApiKeyCredential("test-key"), new global::OpenAI.OpenAIClientOptions { Endpoint = _server.Endpoint }),
        "gpt-4o-mini",
        new OpenAIBatchOptions { StateDirectory = _state, FlushDelay = TimeSpan.FromMilliseconds(30), PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(40), TimeProvider = new FrozenClock(Instant) },
        new Uri("https://reader:hunter2@batch.example.test/v1/"),
        "AGORABENCH_BATCH_TEST_KEY");

    [Fact]
    public async Task TheStateFiles_MatchTheGoldenSamples_ByteForByte()
    {
        // One batch: cancelled after four of its ten requests were processed, one of those four refused (400), so the
        // log holds a submitted, a cancel-requested and a finished event with both an output and an error file.
        string? refused = null;
        _server.Release = false;
        _server.Script = _ => new BatchScript { Processed = 4, Fail = id => id == refused ? 400 : null };
        await using (var client = await OpenAsync())
        {
            var tasks = Enumerable.Range(0, 10).Select(i => client.GetResponseAsync($"question {i} — ü <&>", new ChatOptions { Temperature = 0 })).ToArray();
            await client.FlushAsync();
            refused = _server.Batches.Values.Single().Lines[1]["custom_id"]!.GetValue<string>();
            await client.CancelAsync();
            var outcomes = await Task.WhenAll(tasks.Select(async t => { try { await t; return 200; } catch (HttpRequestException ex) { return (int)ex.StatusCode!.Value; } }));
            Assert.Equal([200, 400, 200, 200, 499, 499, 499, 499, 499, 499], outcomes);
        }

        string state = await File.ReadAllTextAsync(Path.Combine(_state, "state.json"));
        Assert.DoesNotContain("hunter2", state, StringComparison.Ordinal);
        GoldenFile.Verify(state, "Golden/state.json");
        GoldenFile.Verify(await File.ReadAllTextAsync(Path.Combine(_state, "batches.jsonl")), "Golden/batches.jsonl");
        GoldenFile.Verify(await File.ReadAllTextAsync(Path.Combine(_state, "results.jsonl")), "Golden/results.jsonl");
    }

    [Fact]
    public async Task TheCheckedInSamples_AreReadBack_AndTheirAnswersReplayedWithoutAskingTheApi()
    {
        Directory.CreateDirectory(_state);
        foreach (string name in new[] { "batches.jsonl", "results.jsonl" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Golden", name), Path.Combine(_state, name));
        }

        await using var client = await OpenAsync();
        var batch = Assert.Single(await client.GetBatchesAsync(refresh: false));
        Assert.Equal(new OpenAIBatchInfo("batch_1", "cancelled", 10, 3, 1, 1, true), batch);

        var answer = await client.GetResponseAsync("question 0 — ü <&>", new ChatOptions { Temperature = 0 });
        Assert.Equal("answer to question 0 — ü <&>", answer.Text);
        Assert.Equal(ChatFinishReason.Stop, answer.FinishReason);
        Assert.Equal(new OpenAIBatchStatistics(0, 0, 0, 0, 0, 1), client.Statistics);
        Assert.Equal(0, _server.BatchesCreated);
    }

    [Fact]
    public async Task OpenFromState_ReadsTheStateFile_AndRewritesItUnchanged()
    {
        Directory.CreateDirectory(_state);
        foreach (string name in new[] { "state.json", "batches.jsonl", "results.jsonl" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Golden", name), Path.Combine(_state, name));
        }

        await using (var client = await OpenAIBatchChatClient.OpenFromStateAsync(_state, name => name == "AGORABENCH_BATCH_TEST_KEY" ? "test-key" : null))
        {
            var metadata = Assert.IsType<ChatClientMetadata>(client.GetService(typeof(ChatClientMetadata)));
            Assert.Equal("gpt-4o-mini", metadata.DefaultModelId);
            Assert.Equal(new Uri("https://batch.example.test/v1/"), metadata.ProviderUri);
            Assert.Equal("cancelled", Assert.Single(await client.GetBatchesAsync(refresh: false)).Status);
        }

        GoldenFile.Verify(await File.ReadAllTextAsync(Path.Combine(_state, "state.json")), "Golden/state.json");
    }

    [Theory]
    [InlineData("{\"endpoint\": \"https://batch.example.test/v1/\"}", "model")]
    [InlineData("{\"model\": \"gpt-4o-mini\", \"endpoint\": 3}", "endpoint")]
    [InlineData("{\"model\": \"gpt-4o-mini\", \"endpoint\": \"not a url\"}", "endpoint")]
    public async Task OpenFromState_ADamagedStateFile_IsAnErrorNamingTheFileAndField(string text, string field)
    {
        Directory.CreateDirectory(_state);
        string path = Path.Combine(_state, "state.json");
        await File.WriteAllTextAsync(path, text);

        var error = await Assert.ThrowsAsync<DataValidationException>(() => OpenAIBatchChatClient.OpenFromStateAsync(_state, _ => "test-key"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenFromState_WithoutAStateFile_IsAnErrorNamingIt()
    {
        Directory.CreateDirectory(_state);

        var error = await Assert.ThrowsAsync<DataValidationException>(() => OpenAIBatchChatClient.OpenFromStateAsync(_state, _ => "test-key"));

        Assert.Contains(Path.Combine(_state, "state.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADamagedEventLine_IsAnErrorNamingTheFileAndLine()
    {
        Directory.CreateDirectory(_state);
        string path = Path.Combine(_state, "batches.jsonl");
        await File.WriteAllTextAsync(path, File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", "batches.jsonl"))[0] + "\n{\"event\":\"submitted\",\"batch\":\"batch_2\",\"round\":\"two\",\"ids\":[]}\n{\"event\":\"finished\",\"batch\":\"batch_1\",\"status\":\"completed\"}\n");

        var error = await Assert.ThrowsAsync<DataValidationException>(OpenAsync);

        var problem = Assert.Single(error.Errors);
        Assert.Equal(path, problem.Source);
        Assert.Equal(2, problem.Line);
    }

    /// <summary>A clock that always reads the same instant (so the logged times are fixed) while its timers run in real time.</summary>
    private sealed class FrozenClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
