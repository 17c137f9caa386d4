namespace AgoraBench;

/// <summary>The evaluation options of a run.</summary>
internal sealed record ManifestEvaluationOptionsDocument
{
    public required int BaseFewShot { get; init; }

    public required IReadOnlyList<string> Benchmarks { get; init; }

    public required bool ProblemSolving { get; init; }

    public required int BootstrapRounds { get; init; }

    public required double CodeTimeoutSeconds { get; init; }
}
