namespace AgoraBench;

/// <summary><c>merge.json</c> of a merged run: whether the shards covered every step once, the shard folders, what was missing, doubled or conflicting, how many files were copied and which shard each step came from.</summary>
internal sealed record RunMergeDocument
{
    public required bool Complete { get; init; }

    public required IReadOnlyList<string> Shards { get; init; }

    public required IReadOnlyList<string> Missing { get; init; }

    public required IReadOnlyList<string> Duplicated { get; init; }

    public required IReadOnlyList<string> Conflicting { get; init; }

    public required int Files { get; init; }

    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    public static RunMergeDocument From(RunMergeReport report, IReadOnlyList<string> shards) => new()
    {
        Complete = report.Complete,
        Shards = [.. shards.Select(Path.GetFullPath)],
        Missing = report.Missing,
        Duplicated = report.Duplicated,
        Conflicting = report.Conflicting,
        Files = report.Files,
        Sources = new SortedDictionary<string, string>(report.Sources.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal),
    };
}
