using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for the training files a run writes: <c>student.json</c> and the SFT lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(TrainedStudentDocument))]
[JsonSerializable(typeof(SftMessagesLineDocument))]
[JsonSerializable(typeof(SftPromptCompletionLineDocument))]
[JsonSerializable(typeof(SftTextLineDocument))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
