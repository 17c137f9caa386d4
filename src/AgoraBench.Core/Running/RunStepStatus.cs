namespace AgoraBench;

/// <summary>The state of one step of a run.</summary>
public enum RunStepStatus
{
    /// <summary>Not run yet.</summary>
    Pending = 0,

    /// <summary>Finished with outputs that match its current inputs; a rerun skips it.</summary>
    Done = 1,

    /// <summary>Finished earlier, but its inputs have changed since (the plan or an upstream output); it runs again.</summary>
    Stale = 2,

    /// <summary>Started and not finished (interrupted); it resumes where it stopped.</summary>
    Interrupted = 3,

    /// <summary>Failed; the message says why. A rerun retries it.</summary>
    Failed = 4,

    /// <summary>Waiting for an upstream step that is not done.</summary>
    Blocked = 5,

    /// <summary>Running now (progress reports only).</summary>
    Running = 6,
}
