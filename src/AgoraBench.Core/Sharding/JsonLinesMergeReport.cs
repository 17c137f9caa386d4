namespace AgoraBench;

/// <summary>What <see cref="JsonLinesShardMerger"/> found: how many rows, and which ids are doubled or missing.</summary>
/// <param name="Rows">Rows written.</param>
/// <param name="Duplicates">Ids found in more than one row (each written once, from the first shard that has it).</param>
/// <param name="Missing">Item numbers absent from <c>0 … expected - 1</c> (seed-bound generation and predictions), or a count shortfall.</param>
/// <param name="Expected">The expected number of rows, when one was given.</param>
public sealed record JsonLinesMergeReport(int Rows, IReadOnlyList<string> Duplicates, IReadOnlyList<string> Missing, int? Expected)
{
    /// <summary>Gets a value indicating whether every row is there exactly once.</summary>
    public bool Complete => Duplicates.Count == 0 && Missing.Count == 0 && (Expected is null || Rows == Expected);
}
