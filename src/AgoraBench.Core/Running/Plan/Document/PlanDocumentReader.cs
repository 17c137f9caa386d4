using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// Checks a plan file against the plan records' metadata (<see cref="PlanJsonContext"/>): unknown keys (with the
/// nearest known one), wrong types, missing required keys and broken limits, every problem at once with its JSON path
/// and line; then reads the file into a <see cref="PlanDocument"/>. A value of the wrong type is left out, so the rest
/// still reads; a value that breaks a limit is kept and reported.
/// </summary>
internal sealed class PlanDocumentReader(PlanLocations locations)
{
    private static readonly string[] SecretKeys = ["apiKey", "api_key", "key", "token", "password"];

    /// <summary>Gets the values the reader could not take (unknown keys, wrong types); each one is left out.</summary>
    public List<DataError> Rejected { get; } = [];

    /// <summary>Gets the JSON paths of <see cref="Rejected"/>.</summary>
    public HashSet<string> RejectedPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the values that break a declared limit (range, required, allowed values, pattern); they are read as written.</summary>
    public List<DataError> Violations { get; } = [];

    /// <summary>Checks and reads a plan file's root object.</summary>
    public PlanDocument Read(JsonElement root)
    {
        var node = Visit(root, PlanJsonContext.Default.PlanDocument, "$", []) ?? new JsonObject();
        try
        {
            return node.Deserialize(PlanJsonContext.Default.PlanDocument) ?? new PlanDocument();
        }
        catch (JsonException ex)
        {
            // The checks above let through only values of the records' types; this would be a gap in them.
            Reject("$", "could not be read: " + JsonErrorText.Describe(ex));
            return new PlanDocument();
        }
    }

    private JsonNode? Visit(JsonElement value, JsonTypeInfo info, string path, object[] attributes)
    {
        Type type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        if (type == typeof(string))
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return Reject(path, "must be a string");
            }

            string text = value.GetString()!;
            CheckText(path, text, attributes);
            return JsonValue.Create(text);
        }

        if (type == typeof(int))
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
            {
                return Reject(path, "must be a whole number");
            }

            CheckRange(path, number, attributes);
            return JsonValue.Create(number);
        }

        if (type == typeof(double) || type == typeof(decimal))
        {
            if (value.ValueKind != JsonValueKind.Number || (type == typeof(decimal) && !value.TryGetDecimal(out _)))
            {
                return Reject(path, "must be a number");
            }

            CheckRange(path, value.GetDouble(), attributes);
            return JsonValue.Create(value.Clone());
        }

        if (type == typeof(bool))
        {
            return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(value.GetBoolean()) : Reject(path, "must be true or false");
        }

        if (type == typeof(JsonObject))
        {
            // Open by design (a grader's options): its owner checks it.
            return value.ValueKind == JsonValueKind.Object ? JsonNode.Parse(value.GetRawText()) : Reject(path, "must be an object");
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object => VisitObject(value, info, path),
            JsonTypeInfoKind.Enumerable => VisitArray(value, info, path, attributes),
            JsonTypeInfoKind.Dictionary => VisitMap(value, info, path, [.. attributes, .. PlanConstraints.Of(type)]),
            _ => throw new InvalidOperationException($"The plan record type {type.Name} has no reading."),
        };
    }

    private JsonObject? VisitObject(JsonElement value, JsonTypeInfo info, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Reject(path, "must be an object");
            return null;
        }

        var properties = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var result = new JsonObject();
        foreach (var property in value.EnumerateObject())
        {
            string propertyPath = JsonLineIndex.Path(path, property.Name);
            if (!properties.TryGetValue(property.Name, out var known))
            {
                if (property.Name != "$schema")
                {
                    Unknown(propertyPath, property.Name, properties.Keys);
                }

                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Null
                && Visit(property.Value, PlanJsonContext.Default.GetTypeInfo(known.PropertyType)!, propertyPath, PlanConstraints.Of(known)) is { } child)
            {
                result[property.Name] = child;
            }
        }

        foreach (var property in info.Properties)
        {
            if (PlanConstraints.Find<RequiredAttribute>(PlanConstraints.Of(property)) is { } required
                && (!value.TryGetProperty(property.Name, out var given) || given.ValueKind == JsonValueKind.Null))
            {
                Violation(JsonLineIndex.Path(path, property.Name), required.ErrorMessage ?? "is missing");
            }
        }

        return result;
    }

    private JsonArray? VisitArray(JsonElement value, JsonTypeInfo info, string path, object[] attributes)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            Reject(path, "must be an array");
            return null;
        }

        var items = PlanJsonContext.Default.GetTypeInfo(info.ElementType!)!;
        object[] itemAttributes = [.. attributes.Where(a => a is AllowedValuesAttribute or RegularExpressionAttribute)];
        var result = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            string itemPath = JsonLineIndex.Index(path, i++);

            // A left-out item keeps its place (as null), so later items keep their paths.
            result.Add(item.ValueKind == JsonValueKind.Null ? Reject(itemPath, "must not be null") : Visit(item, items, itemPath, itemAttributes));
            if (PlanConstraints.Find<UniqueItemsAttribute>(attributes) is not null && !seen.Add(item.GetRawText()))
            {
                Violation(itemPath, $"repeats {item.GetRawText()}; each item may be listed once");
            }
        }

        if (PlanConstraints.Find<MinimumLengthAttribute>(attributes) is { } minLength && i < minLength.Length)
        {
            Violation(path, $"must list at least {minLength.Length}");
        }

        return result;
    }

    private JsonObject? VisitMap(JsonElement value, JsonTypeInfo info, string path, object[] attributes)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Reject(path, "must be an object");
            return null;
        }

        var values = PlanJsonContext.Default.GetTypeInfo(info.ElementType!)!;
        var keys = PlanConstraints.Find<KeyPatternAttribute>(attributes);
        var result = new JsonObject();
        foreach (var property in value.EnumerateObject())
        {
            string propertyPath = JsonLineIndex.Path(path, property.Name);
            if (keys is not null && !Regex.IsMatch(property.Name, keys.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
            {
                Violation(propertyPath, $"'{property.Name}' is not a valid key here (it must match {keys.Pattern})");
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (Visit(property.Value, values, propertyPath, []) is { } child)
            {
                result[property.Name] = child;
            }
        }

        return result;
    }

    private void CheckText(string path, string text, object[] attributes)
    {
        if (PlanConstraints.Find<MinimumLengthAttribute>(attributes) is { } minLength && text.Length < minLength.Length)
        {
            Violation(path, minLength.Length == 1 ? "must not be empty" : $"must be at least {minLength.Length} characters long");
        }

        if (PlanConstraints.Find<AllowedValuesAttribute>(attributes) is { } allowed)
        {
            string[] values = [.. allowed.Values.OfType<string>()];
            if (Array.IndexOf(values, text) < 0)
            {
                string? nearest = Suggest.Nearest(text, values);
                Violation(path, $"'{text}' is not one of {string.Join(", ", values)}{(nearest is null ? string.Empty : $" (did you mean '{nearest}'?)")}");
            }
        }

        if (PlanConstraints.Find<RegularExpressionAttribute>(attributes) is { } pattern && !Regex.IsMatch(text, pattern.Pattern, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            Violation(path, pattern.ErrorMessage is { } message ? $"'{text}' {message}" : $"'{text}' does not match {pattern.Pattern}");
        }
    }

    private void CheckRange(string path, double value, object[] attributes)
    {
        if (PlanConstraints.Find<RangeAttribute>(attributes) is { } range && PlanConstraints.RangeProblem(range, value) is { } problem)
        {
            Violation(path, problem);
        }
    }

    /// <summary>Reports a key the record does not have, naming the nearest one it has; a key that looks like a secret gets its own message.</summary>
    private void Unknown(string path, string name, IEnumerable<string> known)
    {
        if (Array.IndexOf(SecretKeys, name) >= 0)
        {
            Reject(path, "keys do not belong in a plan file; name the environment variable that holds the key with \"apiKeyEnv\"");
            return;
        }

        string[] names = [.. known];
        string? nearest = Suggest.Nearest(name, names);
        Reject(path, nearest is null ? $"unknown property; expected one of {string.Join(", ", names)}" : $"unknown property; did you mean '{nearest}'?");
    }

    private JsonNode? Reject(string path, string message)
    {
        Rejected.Add(locations.Error(path, message));
        RejectedPaths.Add(path);
        return null;
    }

    private void Violation(string path, string message) => Violations.Add(locations.Error(path, message));
}
