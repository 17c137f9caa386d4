using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// Source-generated JSON (trimming- and AOT-safe) for a run folder's own files: <c>steps/*.json</c>,
/// <c>manifest.json</c> and a merged run's <c>merge.json</c>. Field names are snake_case; the manifest writes a role or option the plan leaves out as
/// <c>null</c>, a step record leaves out what it does not have.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(StepRecordDocument))]
[JsonSerializable(typeof(RunManifestDocument))]
[JsonSerializable(typeof(ManifestHeaderDocument))]
[JsonSerializable(typeof(RunMergeDocument))]
internal sealed partial class RunJsonContext : JsonSerializerContext;
