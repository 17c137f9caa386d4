namespace AgoraBench;

/// <summary>What <see cref="RunMerger"/> found and did: which shard each step came from, and what is missing or was done twice.</summary>
public sealed class RunMergeReport
{
    internal RunMergeReport()
    {
    }

    /// <summary>Gets each merged step's id and the shard folder it was taken from.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; internal init; } = null!;

    /// <summary>Gets the steps no shard finished (study-wide steps excepted: a run over the merged folder does them).</summary>
    public IReadOnlyList<string> Missing { get; internal init; } = null!;

    /// <summary>Gets the steps more than one shard finished with the same outputs (the first was taken).</summary>
    public IReadOnlyList<string> Duplicated { get; internal init; } = null!;

    /// <summary>Gets the steps more than one shard finished with different outputs (the first was taken; the shards disagree).</summary>
    public IReadOnlyList<string> Conflicting { get; internal init; } = null!;

    /// <summary>Gets the number of files copied.</summary>
    public int Files { get; internal init; }

    /// <summary>Gets a value indicating whether every step was done exactly once.</summary>
    internal bool Complete => Missing.Count == 0 && Duplicated.Count == 0 && Conflicting.Count == 0;
}
