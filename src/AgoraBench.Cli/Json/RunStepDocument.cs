namespace AgoraBench.Cli;

/// <summary>One step of <c>run --json</c>: what it is, its state and its outputs (relative to the run folder).</summary>
internal sealed record RunStepDocument
{
    public required string Id { get; init; }

    public required string Stage { get; init; }

    public required string? Generator { get; init; }

    public required string? Setting { get; init; }

    public required string? Benchmark { get; init; }

    public required string Status { get; init; }

    public required string? Message { get; init; }

    public required IReadOnlyList<string> Outputs { get; init; }

    public static RunStepDocument From(RunStepInfo step) => new()
    {
        Id = step.Id,
        Stage = RunStages.ToName(step.Stage),
        Generator = step.Generator,
        Setting = step.Setting?.Key,
        Benchmark = step.Benchmark,
        Status = step.Status.ToString().ToLowerInvariant(),
        Message = step.Message,
        Outputs = step.Outputs,
    };
}
