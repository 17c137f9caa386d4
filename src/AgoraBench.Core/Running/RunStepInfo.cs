namespace AgoraBench;

/// <summary>One step of a run: a stage applied to one generator × setting, one evaluated model × benchmark, or the whole study.</summary>
public sealed class RunStepInfo
{
    internal RunStepInfo(string id, RunStage stage)
    {
        Id = id;
        Stage = stage;
    }

    /// <summary>Gets the step's stable id, for example <c>generate:gpt-4o-mini:instance-generation/math</c>.</summary>
    public string Id { get; private set; }

    /// <summary>Gets the stage.</summary>
    public RunStage Stage { get; }

    /// <summary>Gets the generator the step works for, or <see langword="null"/> (base, reference, study-wide steps).</summary>
    public string? Generator { get; internal set; }

    /// <summary>Gets the setting, or <see langword="null"/>.</summary>
    public AgoraBenchSetting? Setting { get; internal set; }

    /// <summary>Gets the benchmark id of an evaluation step, or <see langword="null"/>.</summary>
    public string? Benchmark { get; internal set; }

    /// <summary>Gets the evaluated model's role of an evaluation step, or <see langword="null"/>.</summary>
    public ModelRole? Role { get; internal set; }

    /// <summary>Gets the step's state.</summary>
    public RunStepStatus Status { get; internal set; }

    /// <summary>Gets what happened, or why the step is blocked or failed.</summary>
    public string? Message { get; internal set; }

    /// <summary>Gets the step's output files, relative to the run folder.</summary>
    public IReadOnlyList<string> Outputs { get; internal set; } = [];

    /// <summary>A copy of this step with another state, message and (when given) outputs.</summary>
    internal RunStepInfo With(RunStepStatus status, string? message, IReadOnlyList<string>? outputs = null)
    {
        var copy = (RunStepInfo)MemberwiseClone();
        copy.Status = status;
        copy.Message = message;
        copy.Outputs = outputs ?? Outputs;
        return copy;
    }

    /// <summary>A copy of this step under another id (a repeat of a training step).</summary>
    internal RunStepInfo WithId(string id)
    {
        var copy = (RunStepInfo)MemberwiseClone();
        copy.Id = id;
        return copy;
    }
}
