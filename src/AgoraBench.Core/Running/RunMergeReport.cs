namespace AgoraBench;

/// <summary>What <see cref="RunMerger"/> found and did: which shard each step came from, and what is missing or was done twice.</summary>
public sealed record RunMergeReport
{
    /// <summary>Gets each merged step's id and the shard folder it was taken from.</summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <summary>Gets the steps no shard finished (study-wide steps excepted: a run over the merged folder does them).</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>Gets the steps more than one shard finished with the same outputs (the first was taken).</summary>
    public required IReadOnlyList<string> Duplicated { get; init; }

    /// <summary>Gets the steps more than one shard finished with different outputs (the first was taken; the shards disagree).</summary>
    public required IReadOnlyList<string> Conflicting { get; init; }

    /// <summary>Gets the number of files copied.</summary>
    public int Files { get; init; }

    /// <summary>Gets a value indicating whether every step was done exactly once.</summary>
    public bool Complete => Missing.Count == 0 && Duplicated.Count == 0 && Conflicting.Count == 0;
}
