using System.Text.Json.Serialization;

namespace AgoraBench.OpenAI;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for the fine-tuning trainer's job file; field names are snake_case.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(FineTuningJobState))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
