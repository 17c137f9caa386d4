namespace AgoraBench;

/// <summary>A progress report of a run: a step started, advanced, finished, was skipped or failed.</summary>
public sealed class RunProgress
{
    internal RunProgress(RunStepInfo step, int? completed = null, int? total = null, string? message = null)
    {
        Step = step;
        Completed = completed;
        Total = total;
        Message = message;
    }

    /// <summary>Gets the step, with its current status.</summary>
    public RunStepInfo Step { get; }

    /// <summary>Gets units done so far (instances, problems, metrics), or <see langword="null"/>.</summary>
    public int? Completed { get; }

    /// <summary>Gets units in all, or <see langword="null"/> when unknown.</summary>
    public int? Total { get; }

    /// <summary>Gets a short note (a training log line, a skip reason), or <see langword="null"/>.</summary>
    public string? Message { get; }
}

