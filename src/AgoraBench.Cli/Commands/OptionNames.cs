using System.CommandLine;
using System.Text;
using System.Text.RegularExpressions;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// Rewrites the validation messages of library options (which name C# properties such as <c>CommandTemplate</c> or
/// <c>Count</c>) with the command-line option a user typed (<c>--command</c>, <c>--count</c>): a property becomes
/// the command's option of the same name in kebab case, or the alias given.
/// </summary>
internal static partial class OptionNames
{
    public static IEnumerable<DataError> ToErrors(Command command, IEnumerable<string> messages, IReadOnlyDictionary<string, string>? aliases = null)
    {
        var options = command.Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        foreach (string message in messages)
        {
            string? field = null;
            string text = PropertyName().Replace(message, match =>
            {
                string? option = aliases is not null && aliases.TryGetValue(match.Value, out var alias) ? alias : "--" + Kebab(match.Value);
                if (!options.Contains(option.Split('/')[0]))
                {
                    return match.Value;
                }

                field ??= option;
                return option;
            });
            yield return new DataError(null, null, field ?? "options", text);
        }
    }

    internal static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)*\b", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyName();
}
