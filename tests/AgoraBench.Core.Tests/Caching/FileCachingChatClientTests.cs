using Microsoft.Extensions.AI;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Caching;

public sealed class FileCachingChatClientTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;
    private int _answers;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();
        _server.Chat = prompt => $"answer {Interlocked.Increment(ref _answers)} to {prompt}";
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static readonly ChatOptions Judge = new() { Temperature = 0, MaxOutputTokens = 64 };

    [Fact]
    public async Task Reopened_ReplaysEveryPaidAnswer_InOrder_WithItsUsage()
    {
        using var files = new TempDirectory();
        string path = files.File("judge.jsonl");
        string first, again;
        using (var cache = await FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), path, "judge"))
        {
            first = (await cache.GetResponseAsync("grade this", Judge)).Text;
            again = (await cache.GetResponseAsync("grade this", Judge)).Text;
            Assert.Equal(2, cache.Misses);
        }

        Assert.NotEqual(first, again);
        Assert.Equal(2, _server.ChatCompletionsServed);

        using (var cache = await FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), path, "judge"))
        {
            var replayed = await cache.GetResponseAsync("grade this", Judge);
            Assert.Equal(first, replayed.Text);
            Assert.Equal(100, replayed.Usage!.InputTokenCount);
            Assert.Equal(again, (await cache.GetResponseAsync("grade this", Judge)).Text);
            Assert.Equal(2, cache.Hits);

            // A third ask of the same request is a fresh answer, not a replay (re-asks and samples stay distinct).
            Assert.NotEqual(again, (await cache.GetResponseAsync("grade this", Judge)).Text);
        }

        Assert.Equal(3, _server.ChatCompletionsServed);
    }

    [Fact]
    public async Task ModelAndOptions_ArePartOfTheKey_ButTheEndpointIsNot()
    {
        using var files = new TempDirectory();
        string path = files.File("c.jsonl");
        using (var cache = await FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), path, "judge"))
        {
            await cache.GetResponseAsync("q", Judge);
            await cache.GetResponseAsync("q", new ChatOptions { Temperature = 1, MaxOutputTokens = 64 });
        }

        Assert.Equal(2, _server.ChatCompletionsServed);
        await using var moved = await FakeOpenAIServer.StartAsync();
        using var other = await FileCachingChatClient.OpenAsync(moved.ChatClient("judge"), path, "judge");
        await other.GetResponseAsync("q", Judge);
        Assert.Equal(0, moved.ChatCompletionsServed);
        using var otherModel = await FileCachingChatClient.OpenAsync(moved.ChatClient("judge-2"), path, "judge-2");
        await otherModel.GetResponseAsync("q", Judge);
        Assert.Equal(1, moved.ChatCompletionsServed);
    }

    [Fact]
    public async Task TruncatedAnswers_AreNeverKept()
    {
        using var files = new TempDirectory();
        _server.FinishReason = _ => "length";
        using var cache = await FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), files.File("c.jsonl"), "judge");

        await cache.GetResponseAsync("q", Judge);

        Assert.Equal(0, new FileInfo(files.File("c.jsonl")).Length);
    }

    [Fact]
    public async Task ATornLastLine_IsCut_AndABadLineNamesTheFileAndLine()
    {
        using var files = new TempDirectory();
        string path = files.File("c.jsonl");
        using (var cache = await FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), path, "judge"))
        {
            await cache.GetResponseAsync("q", Judge);
        }

        File.AppendAllText(path, "{\"key\": \"abc\", \"te");
        using (var cache = await FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), path, "judge"))
        {
            await cache.GetResponseAsync("q", Judge);
            Assert.Equal(1, cache.Hits);
        }

        File.AppendAllText(path, "not json\n");
        var error = await Assert.ThrowsAsync<DataValidationException>(() => FileCachingChatClient.OpenAsync(_server.ChatClient("judge"), path, "judge"));
        Assert.Contains(path + ":2", error.Message, StringComparison.Ordinal);
    }
}
