using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Sharding;

/// <summary>A merged run's <c>merge.json</c>: the bytes match the sample the previous, hand-written writer produced (checked in under Golden/).</summary>
public sealed class MergeJsonTests
{
    [Fact]
    public void MergeJson_IsTheFormatThePreviousVersionWrote()
    {
        string root = Path.GetFullPath("/shards");
        var complete = new RunMergeReport
        {
            Sources = new Dictionary<string, string>(StringComparer.Ordinal) { ["generate:b:x"] = "/shards/2", ["generate:a:x"] = "/shards/1 “ü”" },
            Missing = [],
            Duplicated = [],
            Conflicting = [],
            Files = 12,
        };
        var broken = new RunMergeReport { Missing = ["train:a:x"], Duplicated = ["generate:a:x", "generate:b:x"], Conflicting = ["pgr"], Files = 0, Sources = new Dictionary<string, string>() };

        GoldenFile.Verify(RunMerger.ToJson(complete, [Path.Combine(root, "1"), Path.Combine(root, "2")]), "Sharding/Golden/merge-complete.json");
        GoldenFile.Verify(RunMerger.ToJson(broken, []), "Sharding/Golden/merge-incomplete.json");
    }
}
