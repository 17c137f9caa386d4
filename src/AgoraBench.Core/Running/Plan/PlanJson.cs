using System.Text.Json;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>Typed reads from a plan's JSON with every problem collected (type errors, unknown properties, unset variables), each with its JSON path.</summary>
internal sealed partial class PlanJson(PlanLocations locations, string baseDirectory, Func<string, string?> environment)
{
    public List<DataError> Errors { get; } = [];

    public HashSet<string> ErrorPaths { get; } = new(StringComparer.Ordinal);

    public void Error(string path, string message)
    {
        Errors.Add(locations.Error(path, message));
        ErrorPaths.Add(path);
    }

    public static string Path(string parent, string name) => JsonLineIndex.Path(parent, name);

    /// <summary>Reports properties of <paramref name="element"/> that are not in <paramref name="known"/>, suggesting the nearest known one.</summary>
    public void Known(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name == "$schema" || System.Array.IndexOf(known, property.Name) >= 0)
            {
                continue;
            }

            if (property.Name is "apiKey" or "api_key" or "key" or "token" or "password")
            {
                Error(Path(path, property.Name), "keys do not belong in a plan file; name the environment variable that holds the key with \"apiKeyEnv\"");
                continue;
            }

            string? nearest = known.Select(k => (Name: k, Distance: Distance(k, property.Name))).Where(k => k.Distance <= Math.Max(2, k.Name.Length / 3)).OrderBy(k => k.Distance).Select(k => k.Name).FirstOrDefault();
            Error(Path(path, property.Name), nearest is null ? $"unknown property; expected one of {string.Join(", ", known)}" : $"unknown property; did you mean '{nearest}'?");
        }
    }

    public JsonElement? Object(JsonElement parent, string parentPath, string name)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(Path(parentPath, name), "must be an object");
            return null;
        }

        return value;
    }

    public JsonElement? Array(JsonElement parent, string parentPath, string name)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(Path(parentPath, name), "must be an array");
            return null;
        }

        return value;
    }

    public string? String(JsonElement parent, string parentPath, string name, bool expand = false)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        return String(value, Path(parentPath, name), expand);
    }

    public string? String(JsonElement value, string path, bool expand = false)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, "must be a string");
            return null;
        }

        string text = value.GetString()!;
        return expand ? Expand(text, path) : text;
    }

    /// <summary>Reads a file path: variables expanded, made absolute against the plan's folder.</summary>
    public string? FilePath(JsonElement parent, string parentPath, string name) =>
        String(parent, parentPath, name, expand: true) is { Length: > 0 } text ? Resolve(text) : null;

    public string Resolve(string text) => System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(text) ? text : System.IO.Path.Combine(baseDirectory, text));

    public int? Int(JsonElement parent, string parentPath, string name)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            Error(Path(parentPath, name), "must be a whole number");
            return null;
        }

        return number;
    }

    public double? Number(JsonElement parent, string parentPath, string name)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            Error(Path(parentPath, name), "must be a number");
            return null;
        }

        return value.GetDouble();
    }

    public decimal? Decimal(JsonElement parent, string parentPath, string name)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out decimal number))
        {
            Error(Path(parentPath, name), "must be a number");
            return null;
        }

        return number;
    }

    public bool? Bool(JsonElement parent, string parentPath, string name)
    {
        if (!Get(parent, name, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(Path(parentPath, name), "must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    public Dictionary<string, string> StringMap(JsonElement parent, string parentPath, string name, bool paths)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Object(parent, parentPath, name) is not { } element)
        {
            return map;
        }

        string path = Path(parentPath, name);
        foreach (var property in element.EnumerateObject())
        {
            if (String(property.Value, Path(path, property.Name), expand: paths) is { } text)
            {
                map[property.Name] = paths ? Resolve(text) : text;
            }
        }

        return map;
    }

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

    private static bool Get(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    private static int Distance(string a, string b) => Suggest.Distance(a, b);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:-(?<default>[^}]*))?\}")]
    private static partial Regex Variable();
}
