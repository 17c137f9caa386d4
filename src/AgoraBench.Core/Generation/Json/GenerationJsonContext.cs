using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for the generation logs: attempt lines, issued prompts and cache lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GenerationAttemptLine))]
[JsonSerializable(typeof(GenerationCacheLine))]
[JsonSerializable(typeof(IssuedPromptLine))]
[JsonSerializable(typeof(GenerationUsageLine))]
internal sealed partial class GenerationJsonContext : JsonSerializerContext;
