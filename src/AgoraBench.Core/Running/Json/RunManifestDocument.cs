namespace AgoraBench;

/// <summary><c>manifest.json</c>: what a run folder was made with and what it holds (see <see cref="RunManifest"/>).</summary>
internal sealed record RunManifestDocument
{
    public required string Format { get; init; }

    public required ManifestLibraryDocument Library { get; init; }

    public required string Created { get; init; }

    public required string Updated { get; init; }

    public required ManifestPlanDocument Plan { get; init; }

    public required ManifestSeedsDocument Seeds { get; init; }

    public required IReadOnlyDictionary<string, ManifestTemplateDocument> Templates { get; init; }

    public required ManifestPromptsDocument Prompts { get; init; }

    public required ManifestModelsDocument Models { get; init; }

    public required ManifestOptionsDocument Options { get; init; }

    public required IReadOnlyDictionary<string, string> Inputs { get; init; }

    public required IReadOnlyDictionary<string, StepRecordDocument> Steps { get; init; }
}
