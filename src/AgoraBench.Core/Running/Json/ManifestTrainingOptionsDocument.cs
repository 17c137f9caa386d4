namespace AgoraBench;

/// <summary>The training options of a run; environment variables by name only.</summary>
internal sealed record ManifestTrainingOptionsDocument
{
    public required string Trainer { get; init; }

    public required string BaseModel { get; init; }

    public string? Command { get; init; }

    public required string Format { get; init; }

    public required int Epochs { get; init; }

    public required double LearningRate { get; init; }

    public required int BatchSize { get; init; }

    public required int GradientAccumulationSteps { get; init; }

    public required int MaxSequenceLength { get; init; }

    public required IReadOnlyList<string> EnvironmentVariables { get; init; }
}
