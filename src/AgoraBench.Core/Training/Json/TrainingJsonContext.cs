using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>Source-generated JSON (trimming- and AOT-safe) for the training files a run writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(TrainedStudentDocument))]
internal sealed partial class TrainingJsonContext : JsonSerializerContext;
