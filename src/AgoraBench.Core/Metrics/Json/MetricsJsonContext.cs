using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for <c>metrics.json</c>: snake_case fields, non-finite numbers as <c>null</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(IntrinsicMetricsDocument))]
internal sealed partial class MetricsJsonContext : JsonSerializerContext;
