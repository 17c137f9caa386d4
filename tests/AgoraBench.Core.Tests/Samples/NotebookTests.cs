using System.Text.Json;
using System.Text.RegularExpressions;
using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace AgoraBench.Tests.Samples;

public sealed partial class NotebookTests
{
    private static string Notebook => RepositoryRoot.Combine("samples", "Notebook", "agorabench.ipynb");

    private static string[] CodeCells()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Notebook));
        Assert.Equal(4, json.RootElement.GetProperty("nbformat").GetInt32());
        return [.. json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())))];
    }

    [Fact]
    public void Notebook_ReferencesThePackagesAtThisVersion()
    {
        string version = Regex.Match(File.ReadAllText(RepositoryRoot.Combine("Directory.Build.props")), "<VersionPrefix>(.*)</VersionPrefix>").Groups[1].Value;
        var references = NuGetReference().Matches(CodeCells()[0]).Select(m => (Package: m.Groups[1].Value, Version: m.Groups[2].Value)).ToArray();

        Assert.Equal(["AgoraBench.Core", "AgoraBench.OpenAI"], references.Select(r => r.Package));
        Assert.All(references, r => Assert.Equal(version, r.Version));
    }

    [Fact]
    public async Task Notebook_CompilesAgainstTheCurrentApi()
    {
        // The cells run in one .NET Interactive C# kernel: top-level statements and await, `using` anywhere. Compiled here
        // as one script (the #r lines name the packages this build makes).
        var cells = CodeCells();
        string usings = string.Join("\n", cells.SelectMany(c => c.Split('\n')).Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Distinct());
        string body = string.Join("\n", cells.Select(c => string.Join("\n", c.Split('\n').Where(l => !l.StartsWith("#r ", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal)))));
        var options = ScriptOptions.Default
            .WithReferences(typeof(AgoraBenchPlan).Assembly, typeof(OpenAIRunnerExtensions).Assembly, typeof(Console).Assembly, typeof(Enumerable).Assembly)
            .WithImports("System", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks");

        var diagnostics = CSharpScript.Create(usings + "\n" + body, options).Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();

        Assert.True(diagnostics.Length == 0, string.Join("\n", diagnostics.Select(d => d.ToString())));
        await Task.CompletedTask;
    }

    [GeneratedRegex("#r \"nuget: ([A-Za-z.]+), ([0-9.]+)\"")]
    private static partial Regex NuGetReference();
}
