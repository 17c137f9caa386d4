namespace AgoraBench;

/// <summary>One replica's state and counts in an <see cref="EndpointPoolChatClient"/>.</summary>
public sealed class PooledEndpointStatistics
{
    internal PooledEndpointStatistics(string name, int outstanding, long requests, long succeeded, long failed, int ejections, DateTimeOffset? ejectedUntil)
    {
        Name = name;
        Outstanding = outstanding;
        Requests = requests;
        Succeeded = succeeded;
        Failed = failed;
        Ejections = ejections;
        EjectedUntil = ejectedUntil;
    }

    /// <summary>Gets the replica's name.</summary>
    public string Name { get; }

    /// <summary>Gets requests in flight now.</summary>
    internal int Outstanding { get; }

    /// <summary>Gets requests sent.</summary>
    internal long Requests { get; }

    /// <summary>Gets requests answered.</summary>
    public long Succeeded { get; }

    /// <summary>Gets requests that failed with a transport fault (and were moved to another replica).</summary>
    public long Failed { get; }

    /// <summary>Gets how many times the replica was ejected.</summary>
    public int Ejections { get; }

    /// <summary>Gets until when the replica is ejected, or <see langword="null"/> when it is admitted.</summary>
    internal DateTimeOffset? EjectedUntil { get; }
}

