using System.Text.Json.Serialization;

namespace AgoraBench.OpenAI;

/// <summary>
/// Source-generated JSON (trimming- and AOT-safe) for the batch client's own files: <c>state.json</c>, the event log
/// <c>batches.jsonl</c> and the answers <c>results.jsonl</c>. Field names are snake_case; a field without a value is
/// written as <c>null</c>. The Batch API's request lines and responses are wire payloads and are not here.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(BatchStateDocument))]
[JsonSerializable(typeof(BatchSubmittedEvent))]
[JsonSerializable(typeof(BatchCancelRequestedEvent))]
[JsonSerializable(typeof(BatchFinishedEvent))]
[JsonSerializable(typeof(BatchEventLine))]
[JsonSerializable(typeof(BatchAnswerLine))]
internal sealed partial class BatchJsonContext : JsonSerializerContext;
