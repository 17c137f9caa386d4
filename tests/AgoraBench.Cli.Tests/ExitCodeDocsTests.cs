using System.Reflection;
using System.Text.RegularExpressions;

namespace AgoraBench.Cli.Tests;

/// <summary>docs/cli.md's exit-code table is the code's: the same codes, and each code's meaning names what the code does.</summary>
public sealed partial class ExitCodeDocsTests
{
    [Fact]
    public void TheDocumentedExitCodes_AreExactlyCliExitCodes()
    {
        var constants = typeof(CliExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToDictionary(f => (int)f.GetRawConstantValue()!, f => f.Name);
        string doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "cli.md"));
        string table = doc[doc.IndexOf("## Exit codes", StringComparison.Ordinal)..];
        var documented = TableRow().Matches(table).ToDictionary(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m => m.Groups[2].Value);

        Assert.Equal(constants.Keys.Order(), documented.Keys.Order());
        Assert.Contains("locked", documented[CliExitCodes.Locked], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("connection refused", documented[CliExitCodes.Network], StringComparison.Ordinal);
        Assert.Contains("folder", documented[CliExitCodes.DataError], StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\| (\d+) \| (.+) \|\s*$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
