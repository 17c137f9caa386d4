using System.Reflection;
using System.Text.RegularExpressions;
using AgoraBench.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgoraBench.Tests.Samples;

/// <summary>
/// Every <c>```csharp</c> block of README.md, docs/*.md and the packages' READMEs compiles, as a reader would run it in
/// a notebook or a console app: with the implicit usings of a .NET project and only the assemblies the page's packages
/// bring (AgoraBench.Core and what it depends on, plus every package the page tells the reader to add with
/// <c>dotnet add package</c> or <c>#r "nuget: …"</c>, and AgoraBench.OpenAI where the page names it).
/// </summary>
public sealed partial class DocSnippetTests
{
    private static readonly string[] ImplicitUsings = ["System", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks", "System.Collections.Generic"];

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (string page in Pages())
        {
            int count = CodeBlock().Count(File.ReadAllText(RepositoryRoot.Combine(page)));
            for (int i = 0; i < count; i++)
            {
                data.Add(page, i);
            }
        }

        return data;
    }

    [Fact]
    public void ThePagesHaveSnippets() => Assert.True(Snippets().Count >= 10);

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string page, int index)
    {
        string text = File.ReadAllText(RepositoryRoot.Combine(page));
        string code = CodeBlock().Matches(text)[index].Groups[1].Value;
        var packages = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "AgoraBench.Core" };
        foreach (Match m in PackageMention().Matches(text))
        {
            packages.Add(m.Groups[1].Value.TrimEnd('.', ','));
        }

        if (text.Contains("AgoraBench.OpenAI", StringComparison.Ordinal))
        {
            packages.Add("AgoraBench.OpenAI");
        }

        // A console app with top-level statements (types may follow them); a block of type declarations only has no
        // entry point, which is fine (CS5001).
        string globalUsings = string.Concat(ImplicitUsings.Select(u => $"global using {u};\n"));
        var tree = CSharpSyntaxTree.ParseText(globalUsings + code, new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create(
            "snippet",
            [tree],
            References(packages),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS5001").ToArray();
        Assert.True(errors.Length == 0, $"{page}, C# block {index + 1}:\n{string.Join("\n", errors.Select(e => e.ToString()))}\n---\n{code}");
    }

    private static IEnumerable<string> Pages()
    {
        yield return "README.md";
        foreach (string doc in Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return Path.Combine("docs", Path.GetFileName(doc));
        }

        yield return Path.Combine("src", "AgoraBench.Core", "README.md");
        yield return Path.Combine("src", "AgoraBench.OpenAI", "README.md");
    }

    // The framework, then each package's assembly and everything it references, from this test's output folder.
    private static List<MetadataReference> References(IEnumerable<string> packages)
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var references = Directory.GetFiles(runtime, "*.dll").Where(IsManaged).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
        foreach (string f in Directory.GetFiles(runtime, "*.dll"))
        {
            seen.Add(Path.GetFileNameWithoutExtension(f));
        }

        var pending = new Stack<string>(packages);
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            // From the test's output folder, or a shared framework the test host loaded it from (ASP.NET Core's has the
            // Microsoft.Extensions.* assemblies).
            string file = Path.Combine(AppContext.BaseDirectory, name + ".dll");
            if (!File.Exists(file) && LoadByName(name) is { Location: { Length: > 0 } location })
            {
                file = location;
            }

            if (!File.Exists(file))
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(file));
            foreach (var reference in AssemblyName.GetAssemblyName(file) is { } && TryLoad(file) is { } assembly ? assembly.GetReferencedAssemblies() : [])
            {
                pending.Push(reference.Name!);
            }
        }

        return references;
    }

    private static Assembly? LoadByName(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    private static Assembly? TryLoad(string file)
    {
        try
        {
            return Assembly.LoadFrom(file);
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }

    private static bool IsManaged(string file)
    {
        try
        {
            AssemblyName.GetAssemblyName(file);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^```csharp\r?\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"(?:dotnet add package|#r ""nuget:)\s*([A-Za-z][A-Za-z0-9.]*)")]
    private static partial Regex PackageMention();
}
