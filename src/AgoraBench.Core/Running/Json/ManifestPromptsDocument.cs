namespace AgoraBench;

/// <summary>Hashes of the built-in prompts.</summary>
internal sealed record ManifestPromptsDocument
{
    public required string SystemMessage { get; init; }

    public required string JudgeSystem { get; init; }

    public required string JudgeGrading { get; init; }
}
