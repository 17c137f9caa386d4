using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// Counts the requests a client makes and the tokens its endpoint reports, so a step can record what it spent. Answers
/// replayed from a <see cref="FileCachingChatClient"/> cost nothing and are not counted.
/// </summary>
/// <param name="inner">The client whose calls are counted.</param>
/// <param name="ownsInner">Whether disposing this client disposes <paramref name="inner"/> (not for a client shared by steps).</param>
internal sealed class UsageCountingChatClient(IChatClient inner, bool ownsInner = true) : DelegatingChatClient(inner)
{
    private long _requests;
    private long _input;
    private long _output;

    public long Requests => Interlocked.Read(ref _requests);

    public long InputTokens => Interlocked.Read(ref _input);

    public long OutputTokens => Interlocked.Read(ref _output);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Increment(ref _requests);
            throw;
        }

        if (FileCachingChatClient.IsCacheHit(response))
        {
            return response;
        }

        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _input, response.Usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref _output, response.Usage?.OutputTokenCount ?? 0);
        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (ownsInner)
        {
            base.Dispose(disposing);
        }
    }
}
