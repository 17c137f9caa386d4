using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>One call through the pool: its messages and options, and the replicas it has failed on (never tried again).</summary>
internal sealed class PoolCall(EndpointPoolChatClient pool, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
{
    public EndpointPoolChatClient Pool { get; } = pool;

    public IReadOnlyList<ChatMessage> Messages { get; } = messages;

    public ChatOptions? Options { get; } = options;

    public HashSet<int> Tried { get; } = [];
}
