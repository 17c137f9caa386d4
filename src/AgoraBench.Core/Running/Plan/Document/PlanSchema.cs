using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace AgoraBench;

/// <summary>
/// Generates <c>docs/plan.schema.json</c> from the plan records with the platform's <see cref="JsonSchemaExporter"/>:
/// their attributes give descriptions, defaults (the records' initial values), required keys, allowed values, limits and
/// key patterns; every object is closed (<c>additionalProperties: false</c>). Regenerate the checked-in file with
/// <c>eng/update-plan-schema.sh</c>; a test fails when it is stale.
/// </summary>
internal static class PlanSchema
{
    /// <summary>The JSON Schema dialect of the generated schema (the exporter's keywords are all draft-07 ones).</summary>
    public const string Dialect = "http://json-schema.org/draft-07/schema#";

    private static readonly Lazy<Dictionary<(Type?, string), object?>> Defaults = new(ReadDefaults);

    /// <summary>Generates the schema.</summary>
    public static JsonObject Generate()
    {
        var body = Export(PlanJsonContext.Default.PlanDocument);
        var schema = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = "https://github.com/agorabench/AgoraBench.Core/docs/plan.schema.json",
            ["title"] = "AGORABENCH plan",
        };
        foreach (var (key, value) in body.ToArray())
        {
            body.Remove(key);
            schema[key] = value;
        }

        return schema;
    }

    /// <summary>Generates the schema as the checked-in file holds it: indented, UTF-8 text unescaped, ending in a newline.</summary>
    public static string Text()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Generate().WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static JsonObject Export(JsonTypeInfo info) =>
        info.GetJsonSchemaAsNode(new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Transform }).AsObject();

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode node)
    {
        object[] attributes = context.PropertyInfo is { } property ? PlanConstraints.Of(property) : [];
        if (PlanConstraints.Find<GraderOptionsAttribute>(attributes) is not null)
        {
            return Graders(PlanConstraints.Find<DescriptionAttribute>(attributes)?.Description);
        }

        if (PlanConstraints.Find<StringOrStringsAttribute>(attributes) is not null)
        {
            node = new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 } }),
            };
        }

        if (node is not JsonObject schema)
        {
            return node;
        }

        // A plan leaves a key out rather than writing null (the reader takes null as absent).
        if (schema["type"] is JsonArray types)
        {
            var named = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToArray();
            schema["type"] = named.Length == 1 ? named[0] : new JsonArray([.. named.Select(t => (JsonNode)t)]);
        }

        var info = context.TypeInfo;
        Type type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        object[] typeAttributes = PlanConstraints.Of(type);

        if (info.Kind == JsonTypeInfoKind.Object && type.Assembly == typeof(PlanSchema).Assembly)
        {
            schema["additionalProperties"] = false;
            var required = info.Properties.Where(p => PlanConstraints.Find<RequiredAttribute>(PlanConstraints.Of(p)) is not null).Select(p => (JsonNode)p.Name).ToArray();
            if (required.Length > 0)
            {
                schema["required"] = new JsonArray(required);
            }
        }

        string? description = PlanConstraints.Find<DescriptionAttribute>(attributes)?.Description ?? PlanConstraints.Find<DescriptionAttribute>(typeAttributes)?.Description;
        if (description is not null)
        {
            schema["description"] = description;
        }

        if (context.PropertyInfo is { } p2 && Defaults.Value.TryGetValue(Key(p2), out object? value) && Default(value) is { } defaultValue)
        {
            schema["default"] = defaultValue;
        }

        var target = info.Kind == JsonTypeInfoKind.Enumerable && schema["items"] is JsonObject items ? items : schema;
        bool collection = info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary;
        if (PlanConstraints.Find<MinimumLengthAttribute>(attributes) is { } minLength)
        {
            schema[collection ? "minItems" : "minLength"] = minLength.Length;
        }

        if (PlanConstraints.Find<UniqueItemsAttribute>(attributes) is not null)
        {
            schema["uniqueItems"] = true;
        }

        if (PlanConstraints.Find<AllowedValuesAttribute>(attributes) is { } allowed)
        {
            target["enum"] = new JsonArray([.. allowed.Values.OfType<string>().Select(v => (JsonNode)v)]);
        }

        if (PlanConstraints.Find<RegularExpressionAttribute>(attributes) is { } pattern)
        {
            target["pattern"] = pattern.Pattern;
        }

        if (PlanConstraints.Find<KeyPatternAttribute>([.. attributes, .. typeAttributes]) is { } keys)
        {
            schema["propertyNames"] = new JsonObject { ["pattern"] = keys.Pattern };
        }

        if (PlanConstraints.Find<RangeAttribute>(attributes) is { } range)
        {
            bool whole = range.Minimum is int;
            if (PlanConstraints.Minimum(range) is double min)
            {
                schema[range.MinimumIsExclusive ? "exclusiveMinimum" : "minimum"] = whole ? JsonValue.Create((int)min) : JsonValue.Create(min);
            }

            if (PlanConstraints.Maximum(range) is double max)
            {
                schema[range.MaximumIsExclusive ? "exclusiveMaximum" : "maximum"] = whole ? JsonValue.Create((int)max) : JsonValue.Create(max);
            }
        }

        return schema;
    }

    /// <summary>The grader object: a <c>kind</c>, then one branch per built-in kind with its options, and one for a kind a host registers.</summary>
    private static JsonObject Graders(string? description)
    {
        var branches = new JsonArray();
        foreach (var (kind, options) in GraderDocument.Kinds)
        {
            var branch = Export(PlanJsonContext.Default.GetTypeInfo(options)!);
            var properties = new JsonObject { ["kind"] = new JsonObject { ["enum"] = new JsonArray(kind) } };
            foreach (var (name, value) in branch["properties"]!.AsObject().ToArray())
            {
                branch["properties"]!.AsObject().Remove(name);
                properties[name] = value;
            }

            branch["properties"] = properties;
            branch["required"] = new JsonArray([(JsonNode)"kind", .. (branch["required"]?.AsArray() ?? []).Select(r => (JsonNode)r!.GetValue<string>())]);
            branch.Remove("type");
            branches.Add((JsonNode)branch);
        }

        branches.Add((JsonNode)new JsonObject
        {
            ["description"] = "A kind a host registers (AddGrader), with its own options.",
            ["properties"] = new JsonObject { ["kind"] = new JsonObject { ["not"] = new JsonObject { ["enum"] = new JsonArray([.. GraderDocument.Kinds.Select(k => (JsonNode)k.Kind)]) } } },
        });

        var schema = new JsonObject { ["type"] = "object" };
        if (description is not null)
        {
            schema["description"] = description;
        }

        schema["required"] = new JsonArray("kind");
        schema["properties"] = new JsonObject
        {
            ["kind"] = new JsonObject
            {
                ["type"] = "string",
                ["minLength"] = 1,
                ["description"] = $"{string.Join(", ", GraderDocument.Kinds.Select(k => k.Kind))}, or a kind a host registers (AddGrader).",
            },
        };
        schema["oneOf"] = branches;
        return schema;
    }

    /// <summary>A property's default as the schema states it: the initial value of its record, when that is a plain value.</summary>
    private static JsonValue? Default(object? value) => value switch
    {
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int number => JsonValue.Create(number),
        double number => JsonValue.Create(number),
        _ => null,
    };

    /// <summary>A property by the type that declares it (an inherited one has one default) and its JSON name.</summary>
    private static (Type?, string) Key(JsonPropertyInfo property) => ((property.AttributeProvider as System.Reflection.MemberInfo)?.DeclaringType, property.Name);

    /// <summary>The initial value of every property of every plan record that can be created.</summary>
    private static Dictionary<(Type?, string), object?> ReadDefaults()
    {
        var defaults = new Dictionary<(Type?, string), object?>();
        var seen = new HashSet<Type>();
        var pending = new Stack<JsonTypeInfo>([PlanJsonContext.Default.PlanDocument, .. GraderDocument.Kinds.Select(k => PlanJsonContext.Default.GetTypeInfo(k.Options)!)]);
        while (pending.TryPop(out var info))
        {
            if (!seen.Add(info.Type))
            {
                continue;
            }

            if (info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary)
            {
                pending.Push(PlanJsonContext.Default.GetTypeInfo(info.ElementType!)!);
                continue;
            }

            if (info.Kind != JsonTypeInfoKind.Object)
            {
                continue;
            }

            object? instance = info.CreateObject?.Invoke();
            foreach (var property in info.Properties)
            {
                if (instance is not null && property.Get is { } get)
                {
                    defaults[Key(property)] = get(instance);
                }

                pending.Push(PlanJsonContext.Default.GetTypeInfo(property.PropertyType)!);
            }
        }

        return defaults;
    }
}
