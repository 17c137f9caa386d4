using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// Source-generated JSON (trimming- and AOT-safe) for writing an evaluation's <c>result.json</c> and its predictions lines: snake_case, fields a
/// result does not have left out, a number that is not finite written as <c>null</c>. (It is read back through
/// <see cref="EvaluationJsonContext"/>, where <c>null</c> reads as missing.)
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(GradedResultDocument))]
[JsonSerializable(typeof(PairwiseResultDocument))]
[JsonSerializable(typeof(PredictionLineDocument))]
internal sealed partial class EvaluationResultJsonContext : JsonSerializerContext;
