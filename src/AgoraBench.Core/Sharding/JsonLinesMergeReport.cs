namespace AgoraBench;

/// <summary>What <see cref="JsonLinesShardMerger"/> found: how many rows, and which ids are doubled or missing.</summary>
public sealed class JsonLinesMergeReport
{
    internal JsonLinesMergeReport(int rows, IReadOnlyList<string> duplicates, IReadOnlyList<string> missing, int? expected)
    {
        Rows = rows;
        Duplicates = duplicates;
        Missing = missing;
        Expected = expected;
    }

    /// <summary>Gets rows written.</summary>
    public int Rows { get; }

    /// <summary>Gets ids found in more than one row (each written once, from the first shard that has it).</summary>
    public IReadOnlyList<string> Duplicates { get; }

    /// <summary>Gets item numbers absent from <c>0 … expected - 1</c> (seed-bound generation and predictions), or a count shortfall.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the expected number of rows, when one was given.</summary>
    internal int? Expected { get; }

    /// <summary>Gets a value indicating whether every row is there exactly once.</summary>
    public bool Complete => Duplicates.Count == 0 && Missing.Count == 0 && (Expected is null || Rows == Expected);
}
