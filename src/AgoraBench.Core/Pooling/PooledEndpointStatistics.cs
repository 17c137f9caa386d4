namespace AgoraBench;

/// <summary>One replica's state and counts in an <see cref="EndpointPoolChatClient"/>.</summary>
/// <param name="Name">The replica's name.</param>
/// <param name="Outstanding">Requests in flight now.</param>
/// <param name="Requests">Requests sent.</param>
/// <param name="Succeeded">Requests answered.</param>
/// <param name="Failed">Requests that failed with a transport fault (and were moved to another replica).</param>
/// <param name="Ejections">How many times the replica was ejected.</param>
/// <param name="EjectedUntil">Until when the replica is ejected, or <see langword="null"/> when it is admitted.</param>
public sealed record PooledEndpointStatistics(string Name, int Outstanding, long Requests, long Succeeded, long Failed, int Ejections, DateTimeOffset? EjectedUntil);
