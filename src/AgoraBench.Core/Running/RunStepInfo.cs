namespace AgoraBench;

/// <summary>One step of a run: a stage applied to one generator × setting, one evaluated model × benchmark, or the whole study.</summary>
/// <param name="Id">The step's stable id, for example <c>generate:gpt-4o-mini:instance-generation/math</c>.</param>
/// <param name="Stage">The stage.</param>
public sealed record RunStepInfo(string Id, RunStage Stage)
{
    /// <summary>Gets the generator the step works for, or <see langword="null"/> (base, reference, study-wide steps).</summary>
    public string? Generator { get; init; }

    /// <summary>Gets the setting, or <see langword="null"/>.</summary>
    public AgoraBenchSetting? Setting { get; init; }

    /// <summary>Gets the benchmark id of an evaluation step, or <see langword="null"/>.</summary>
    public string? Benchmark { get; init; }

    /// <summary>Gets the evaluated model's role of an evaluation step, or <see langword="null"/>.</summary>
    public ModelRole? Role { get; init; }

    /// <summary>Gets the step's state.</summary>
    public RunStepStatus Status { get; init; }

    /// <summary>Gets what happened, or why the step is blocked or failed.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the step's output files, relative to the run folder.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];
}
