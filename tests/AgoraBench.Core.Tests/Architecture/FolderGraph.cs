using System.Collections.Concurrent;
using AgoraBench.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgoraBench.Tests.Architecture;

/// <summary>
/// Which top-level folder of src/AgoraBench.Core uses which, read from the sources with Roslyn: every name in a file is
/// bound, and the folder of the file that declares the type it names (or the type whose member it names, extension
/// methods included) is a dependency of the file's folder. One example reference is kept per edge for messages.
/// </summary>
internal sealed class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<(string From, string To), string> edges, IReadOnlyCollection<string> folders)
    {
        Edges = edges;
        Folders = folders;
    }

    /// <summary>Gets every dependency between two different folders, with an example (file:line → symbol).</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges { get; }

    /// <summary>Gets every folder that holds source.</summary>
    public IReadOnlyCollection<string> Folders { get; }

    public static string SourceRoot => RepositoryRoot.Combine("src", "AgoraBench.Core");

    public static FolderGraph Build()
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var files = Directory.GetFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)).ToList();
        trees.Add(CSharpSyntaxTree.ParseText(GlobalUsings(), parse, "GlobalUsings.g.cs"));
        var compilation = CSharpCompilation.Create(
            "AgoraBench.Core",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // Names that do not bind would silently drop edges: the compilation must know every type and name (only the
        // members that source generators add are missing, as the generators do not run here).
        var unbound = compilation.GetDiagnostics().Where(d => d.Id is "CS0246" or "CS0103" or "CS0234" && !IsGenerated(d)).Take(10).ToArray();
        if (unbound.Length > 0)
        {
            throw new InvalidOperationException("The sources of AgoraBench.Core do not bind here:\n" + string.Join("\n", unbound.Select(d => d.ToString())));
        }

        var edges = new ConcurrentDictionary<(string, string), string>();
        Parallel.ForEach(trees.Where(t => t.FilePath != "GlobalUsings.g.cs"), tree =>
        {
            var model = compilation.GetSemanticModel(tree);
            string from = FolderOf(tree.FilePath);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not (SimpleNameSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax))
                {
                    continue;
                }

                var info = model.GetSymbolInfo(node);
                foreach (var symbol in info.CandidateSymbols.Prepend(info.Symbol).OfType<ISymbol>())
                {
                    var type = DeclaringType(symbol);
                    if (type is null)
                    {
                        continue;
                    }

                    foreach (var declaration in type.DeclaringSyntaxReferences)
                    {
                        string to = FolderOf(declaration.SyntaxTree.FilePath);
                        if (to != from && to.Length > 0)
                        {
                            int line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                            edges.TryAdd((from, to), $"{Path.GetRelativePath(SourceRoot, tree.FilePath)}:{line} uses {symbol.ToDisplayString()}");
                        }
                    }
                }
            }
        });

        return new FolderGraph(edges.ToDictionary(), [.. files.Select(FolderOf).Distinct()]);
    }

    /// <summary>The folders that depend on each other in a circle: every cycle's edges, each with an example.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var next = Folders.ToDictionary(f => f, f => Edges.Keys.Where(e => e.From == f).Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new List<IReadOnlyList<string>>();
        foreach (var component in StronglyConnected(next).Where(c => c.Count > 1))
        {
            // The shortest way from the component's first folder back to it, through the component.
            string start = component.Order(StringComparer.Ordinal).First();
            var back = new Dictionary<string, string>();
            var queue = new Queue<string>([start]);
            string? last = null;
            while (last is null && queue.TryDequeue(out var at))
            {
                foreach (var to in next[at].Where(component.Contains))
                {
                    if (to == start)
                    {
                        last = at;
                        break;
                    }

                    if (back.TryAdd(to, at))
                    {
                        queue.Enqueue(to);
                    }
                }
            }

            var path = new List<string> { last! };
            while (path[^1] != start)
            {
                path.Add(back[path[^1]]);
            }

            path.Reverse();
            path.Add(start);
            cycles.Add([.. path.Zip(path.Skip(1), (a, b) => $"{a} → {b} ({Edges[(a, b)]})")]);
        }

        return cycles;
    }

    private static List<HashSet<string>> StronglyConnected(Dictionary<string, List<string>> next)
    {
        // Tarjan's algorithm; a folder graph is small, recursion is fine.
        int counter = 0;
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<HashSet<string>>();

        void Visit(string v)
        {
            index[v] = low[v] = counter++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in next[v])
            {
                if (!index.TryGetValue(w, out int seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new HashSet<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                components.Add(component);
            }
        }

        foreach (var folder in next.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(folder))
            {
                Visit(folder);
            }
        }

        return components;
    }

    private static INamedTypeSymbol? DeclaringType(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { ReducedFrom: { } extension })
        {
            symbol = extension;
        }

        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type?.OriginalDefinition;
    }

    /// <summary>The top-level folder under src/AgoraBench.Core, or empty for a file elsewhere.</summary>
    private static string FolderOf(string path)
    {
        if (!path.StartsWith(SourceRoot, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        string relative = Path.GetRelativePath(SourceRoot, path);
        int slash = relative.IndexOfAny(['/', '\\']);
        return slash < 0 ? string.Empty : relative[..slash];
    }

    private static bool IsBuildOutput(string path)
    {
        string relative = Path.GetRelativePath(SourceRoot, path).Replace('\\', '/');
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal);
    }

    private static bool IsGenerated(Diagnostic d) => d.Location.SourceTree?.FilePath is not { } file || !file.StartsWith(SourceRoot, StringComparison.Ordinal);

    // The implicit usings the SDK generated for the library's last build (packages add their own, such as Fluid's).
    private static string GlobalUsings()
    {
        string obj = Path.Combine(SourceRoot, "obj");
        var generated = Directory.Exists(obj)
            ? Directory.GetFiles(obj, "AgoraBench.Core.GlobalUsings.g.cs", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return generated is null
            ? throw new InvalidOperationException($"No AgoraBench.Core.GlobalUsings.g.cs under {obj}: build the library first.")
            : File.ReadAllText(generated);
    }

    // The framework and the library's dependencies, as the test host loaded them (without the library itself: its
    // types come from the sources).
    private static List<MetadataReference> References()
    {
        string trusted = (string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AgoraBench.Core" };
        var references = new List<MetadataReference>();
        foreach (string file in trusted.Split(Path.PathSeparator).Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")))
        {
            if (file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && IsManaged(file) && seen.Add(Path.GetFileNameWithoutExtension(file)))
            {
                references.Add(MetadataReference.CreateFromFile(file));
            }
        }

        return references;
    }

    private static bool IsManaged(string file)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
