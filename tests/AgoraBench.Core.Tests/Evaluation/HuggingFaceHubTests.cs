using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

public sealed class HuggingFaceHubTests : IAsyncLifetime, IDisposable
{
    private readonly HttpClient _http = new();
    private readonly TempDirectory _cache = new();
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _cache.Dispose();
    }

    private HuggingFaceHub Hub(bool offline = false) => new(_http, new HuggingFaceHubOptions
    {
        Endpoint = new Uri(_server.Endpoint.GetLeftPart(UriPartial.Authority)),
        DatasetsServer = new Uri(_server.Endpoint.GetLeftPart(UriPartial.Authority)),
        CacheDirectory = _cache.Path,
        Offline = offline,
    });

    [Fact]
    public async Task DownloadFile_CachesIt_AndOfflineModeReadsTheCache()
    {
        _server.HubFiles["main/test.jsonl"] = "{\"question\": \"1+1?\", \"answer\": \"#### 2\"}\n";

        string first = await Hub().DownloadFileAsync("openai/gsm8k", "main/test.jsonl");
        string second = await Hub().DownloadFileAsync("openai/gsm8k", "main/test.jsonl");
        string offline = await Hub(offline: true).DownloadFileAsync("openai/gsm8k", "main/test.jsonl");

        Assert.Equal(first, second);
        Assert.Equal(first, offline);
        Assert.Equal(1, _server.HubRequests);
        var problems = await BenchmarkProblems.ReadAsync("gsm8k", first);
        Assert.Equal("2", Assert.Single(problems).Answer);
    }

    [Fact]
    public async Task Offline_WithoutCache_AndMissingFiles_AreClearErrors()
    {
        var offline = await Assert.ThrowsAsync<InvalidOperationException>(() => Hub(offline: true).DownloadFileAsync("openai/gsm8k", "main/none.jsonl"));
        Assert.Contains("offline", offline.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => Hub().DownloadFileAsync("openai/gsm8k", "main/none.jsonl"));
        Assert.Contains("HTTP 404", missing.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cache.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task DownloadRows_PagesThroughTheSplit_IntoJsonLines()
    {
        _server.HubRows = 250;

        string path = await Hub().DownloadRowsAsync("openai/gsm8k", "main", "test");

        Assert.Equal(3, _server.HubRequests);
        var problems = await BenchmarkProblems.ReadAsync("gsm8k", path);
        Assert.Equal(250, problems.Count);
        Assert.Equal("249", problems[^1].Answer);
        await Hub().DownloadRowsAsync("openai/gsm8k", "main", "test");
        Assert.Equal(3, _server.HubRequests);
    }
}
