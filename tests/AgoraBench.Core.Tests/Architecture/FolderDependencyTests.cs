using System.Text.RegularExpressions;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Architecture;

/// <summary>
/// The folders of AgoraBench.Core are pipeline stages that depend on each other one way only, and
/// docs/architecture.md lists exactly the dependencies the sources have.
/// </summary>
public sealed partial class FolderDependencyTests
{
    private static readonly Lazy<FolderGraph> Graph = new(FolderGraph.Build);

    [Fact]
    public void Folders_DependOnEachOtherOneWayOnly()
    {
        var cycles = Graph.Value.Cycles();
        Assert.True(cycles.Count == 0, "Folders of src/AgoraBench.Core depend on each other in a circle:\n" + string.Join("\n\n", cycles.Select(c => string.Join("\n", c))));
    }

    [Fact]
    public void Common_DependsOnNoOtherFolder()
    {
        var uses = Graph.Value.Edges.Where(e => e.Key.From == "Common").Select(e => e.Value).ToArray();
        Assert.True(uses.Length == 0, "Common/ holds the shared helpers and must use no other folder:\n" + string.Join("\n", uses));
    }

    [Fact]
    public void Graph_SeesTheKnownDependencies()
    {
        // Guards the reader itself: a graph that lost its edges (names no longer bound) would pass every test above.
        var edges = Graph.Value.Edges;
        Assert.Contains(("Running", "Generation"), edges.Keys);
        Assert.Contains(("Pgr", "Model"), edges.Keys);
        Assert.Contains(("Datasets", "Common"), edges.Keys);
        Assert.True(edges.Count >= 40, $"Only {edges.Count} folder dependencies found.");
    }

    [Fact]
    public void ArchitectureDoc_ListsExactlyTheFolderDependencies()
    {
        string page = File.ReadAllText(RepositoryRoot.Combine("docs", "architecture.md"));
        var documented = new HashSet<(string From, string To)>();
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match row in FolderRow().Matches(page))
        {
            string from = row.Groups["folder"].Value;
            folders.Add(from);
            foreach (Match use in FolderName().Matches(row.Groups["uses"].Value))
            {
                documented.Add((from, use.Groups[1].Value));
            }
        }

        var actual = Graph.Value.Edges;
        var problems = new List<string>();
        problems.AddRange(Graph.Value.Folders.Where(f => f.Length > 0 && !folders.Contains(f)).Order(StringComparer.Ordinal).Select(f => $"folder {f}/ has no row in the table"));
        problems.AddRange(folders.Where(f => !Graph.Value.Folders.Contains(f)).Order(StringComparer.Ordinal).Select(f => $"folder {f}/ is in the table but not in the sources"));
        problems.AddRange(actual.Keys.Where(e => !documented.Contains(e)).Order().Select(e => $"{e.From} → {e.To} is not in the table ({actual[e]})"));
        problems.AddRange(documented.Where(e => !actual.ContainsKey(e)).Order().Select(e => $"{e.From} → {e.To} is in the table but the sources have no such dependency"));
        Assert.True(problems.Count == 0, "docs/architecture.md, table of folders:\n" + string.Join("\n", problems));
    }

    // | `Folder/` | what it holds | `Uses`, `Other` |
    [GeneratedRegex(@"^\| `(?<folder>\w+)/` \|[^|\n]*\| (?<uses>[^|\n]*) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex FolderRow();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex FolderName();
}
