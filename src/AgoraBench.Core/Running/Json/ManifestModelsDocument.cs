namespace AgoraBench;

/// <summary>Every model a run calls; a role the plan leaves out is <c>null</c>.</summary>
internal sealed record ManifestModelsDocument
{
    public required IReadOnlyList<ManifestModelDocument> Generators { get; init; }

    public ManifestModelDocument? MetricJudge { get; init; }

    public ManifestModelDocument? Embedding { get; init; }

    public ManifestModelDocument? Perplexity { get; init; }

    public ManifestModelDocument? Base { get; init; }

    public ManifestModelDocument? Reference { get; init; }

    public ManifestModelDocument? EvaluationJudge { get; init; }

    public ManifestModelDocument? TrainingApi { get; init; }
}
