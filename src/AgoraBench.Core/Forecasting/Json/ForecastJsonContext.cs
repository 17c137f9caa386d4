using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for a forecast: snake_case, a number that is not finite written as <c>null</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(ForecastDocument))]
internal sealed partial class ForecastJsonContext : JsonSerializerContext;
