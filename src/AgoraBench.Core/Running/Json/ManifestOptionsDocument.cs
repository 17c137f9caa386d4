namespace AgoraBench;

/// <summary>The plan's options by stage.</summary>
internal sealed record ManifestOptionsDocument
{
    public required ManifestGenerationOptionsDocument Generation { get; init; }

    public required ManifestMetricsOptionsDocument Metrics { get; init; }

    public required ManifestTrainingOptionsDocument Training { get; init; }

    public required ManifestEvaluationOptionsDocument Evaluation { get; init; }

    public required ManifestAnalysisOptionsDocument Analysis { get; init; }
}
