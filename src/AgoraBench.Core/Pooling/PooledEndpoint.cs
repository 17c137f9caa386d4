using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>One replica behind an <see cref="EndpointPoolChatClient"/>.</summary>
public sealed class PooledEndpoint
{
    /// <summary>Initializes a new instance of the <see cref="PooledEndpoint"/> class.</summary>
    /// <param name="name">The value of <see cref="Name"/>.</param>
    /// <param name="client">The value of <see cref="Client"/>.</param>
    /// <param name="concurrency">The value of <see cref="Concurrency"/>.</param>
    public PooledEndpoint(string name, IChatClient client, int concurrency = 8)
    {
        Name = name;
        Client = client;
        Concurrency = concurrency;
    }

    /// <summary>Gets the replica's name in statistics and logs (for example its host and port).</summary>
    internal string Name { get; }

    /// <summary>Gets the replica's client (with no retries of its own: the pool moves a failed call to another replica).</summary>
    internal IChatClient Client { get; }

    /// <summary>Gets how many requests may be in flight to this replica.</summary>
    internal int Concurrency { get; }
}

