using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Turns a plan file's values into the plan's: variables expanded, paths made absolute, every problem collected with its JSON path.</summary>
internal sealed partial class PlanJson(PlanLocations locations, string baseDirectory, Func<string, string?> environment)
{
    /// <summary>Reads an environment variable through the plan's environment.</summary>
    public string? Variable(string name) => environment(name);

    public List<DataError> Errors { get; } = [];

    public HashSet<string> ErrorPaths { get; } = new(StringComparer.Ordinal);

    public void Error(string path, string message)
    {
        Errors.Add(locations.Error(path, message));
        ErrorPaths.Add(path);
    }

    public static string Path(string parent, string name) => JsonLineIndex.Path(parent, name);

    /// <summary>Expands variables in a value, or <see langword="null"/> when it is absent.</summary>
    public string? Expanded(string? text, string path) => text is null ? null : Expand(text, path);

    /// <summary>Reads a file path: variables expanded, made absolute against the plan's folder; <see langword="null"/> when absent or empty.</summary>
    public string? FilePath(string? text, string path) => Expanded(text, path) is { Length: > 0 } expanded ? Resolve(expanded) : null;

    public string Resolve(string text) => System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(text) ? text : System.IO.Path.Combine(baseDirectory, text));

    /// <summary>Expands <c>${VAR}</c> and <c>${VAR:-default}</c>; an unset variable without a default is an error.</summary>
    public string Expand(string text, string path)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return text;
        }

        return Variable().Replace(text, match =>
        {
            string name = match.Groups["name"].Value;
            string? value = environment(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }

            if (match.Groups["default"].Success)
            {
                return match.Groups["default"].Value;
            }

            Error(path, $"the environment variable {name} is not set (write ${{{name}:-default}} to give a default)");
            return string.Empty;
        });
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
