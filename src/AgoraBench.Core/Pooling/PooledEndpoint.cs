using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>One replica behind an <see cref="EndpointPoolChatClient"/>.</summary>
/// <param name="Name">The replica's name in statistics and logs (for example its host and port).</param>
/// <param name="Client">The replica's client (with no retries of its own: the pool moves a failed call to another replica).</param>
/// <param name="Concurrency">How many requests may be in flight to this replica.</param>
public sealed record PooledEndpoint(string Name, IChatClient Client, int Concurrency = 8);
