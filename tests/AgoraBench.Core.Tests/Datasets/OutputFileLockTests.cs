using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Datasets;

public sealed class OutputFileLockTests
{
    [Fact]
    public async Task ASecondGenerationStoreOnTheSameFile_IsRefused_UntilTheFirstIsClosed()
    {
        using var temp = new TempDirectory();
        string data = Path.Combine(temp.Path, "data.jsonl");
        var first = await GenerationRunStore.OpenAsync(data, resume: true);

        var refused = await Assert.ThrowsAsync<OutputInUseException>(() => GenerationRunStore.OpenAsync(data, resume: true));
        Assert.Equal(Path.GetFullPath(data), refused.Path);
        Assert.Contains("is being written by another process", refused.Message, StringComparison.Ordinal);

        await first.DisposeAsync();
        await using var second = await GenerationRunStore.OpenAsync(data, resume: true);
    }

    [Fact]
    public async Task ASecondEvaluationOnTheSamePredictionsFile_IsRefused()
    {
        using var temp = new TempDirectory();
        string predictions = Path.Combine(temp.Path, "predictions.jsonl");
        using (OutputFileLock.Acquire(predictions))
        {
            var refused = await Assert.ThrowsAsync<OutputInUseException>(() => StudentEvaluator.RunAsync(new NeverCalledChatClient(), "gsm8k", [], predictions));
            Assert.Equal(Path.GetFullPath(predictions), refused.Path);
        }

        var (answered, failed) = await StudentEvaluator.RunAsync(new NeverCalledChatClient(), "gsm8k", [], predictions);
        Assert.Equal(0, answered);
        Assert.Empty(failed);
    }

    private sealed class NeverCalledChatClient : Microsoft.Extensions.AI.IChatClient
    {
        public Task<Microsoft.Extensions.AI.ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no problem was given");

        public IAsyncEnumerable<Microsoft.Extensions.AI.ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, Microsoft.Extensions.AI.ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no problem was given");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
