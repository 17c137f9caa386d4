using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for cost estimates: snake_case, every field written (unknowns as <c>null</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(CostEstimateDocument))]
internal sealed partial class EstimationJsonContext : JsonSerializerContext;
