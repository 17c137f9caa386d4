using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for reading evaluation results back: snake_case, <c>null</c> numbers read as missing.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EvaluationResultDocument))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
