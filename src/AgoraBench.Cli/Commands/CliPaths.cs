using System.CommandLine;
using System.CommandLine.Parsing;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// Checks every path option of a command before it runs, by the option's help name: a <c>FILE…</c> option must not
/// name a folder (nor lie under a file), a <c>DIR</c> option must not name a file. Every problem is reported at once.
/// </summary>
internal static class CliPaths
{
    public static IReadOnlyList<DataError> Check(ParseResult parseResult)
    {
        var errors = new List<DataError>();
        foreach (var child in parseResult.CommandResult.Children)
        {
            if (child is not OptionResult { Implicit: false } result || result.Option.HelpName is not { } help)
            {
                continue;
            }

            IEnumerable<string> values = result.Option.ValueType == typeof(string[])
                ? result.GetValueOrDefault<string[]>() ?? []
                : result.Option.ValueType == typeof(string) ? [result.GetValueOrDefault<string>()!] : [];
            foreach (string value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
            {
                if (Problem(help, value) is { } problem)
                {
                    errors.Add(new DataError(null, null, result.Option.Name, $"'{value}' {problem}"));
                }
            }
        }

        return errors;
    }

    private static string? Problem(string helpName, string value)
    {
        bool file = helpName.StartsWith("FILE", StringComparison.Ordinal);
        bool folder = helpName == "DIR";
        if (!file && !folder)
        {
            return null;
        }

        string full;
        try
        {
            full = Path.GetFullPath(value);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "is not a valid path";
        }

        if (file && Directory.Exists(full))
        {
            return "is a folder; a file is expected";
        }

        if (folder && File.Exists(full))
        {
            return "is a file; a folder is expected";
        }

        for (string? parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"cannot exist: '{parent}' is a file, not a folder";
            }
        }

        return null;
    }
}
