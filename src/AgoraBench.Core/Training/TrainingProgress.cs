namespace AgoraBench;

/// <summary>A progress report from a trainer: a stage change, a log line or a metric.</summary>
/// <param name="Stage">The stage: <c>export</c>, <c>upload</c>, <c>queued</c>, <c>running</c>, <c>log</c>, <c>succeeded</c>, ….</param>
/// <param name="Message">A human-readable message (a job event, a log line).</param>
public sealed record TrainingProgress(string Stage, string Message)
{
    /// <summary>Gets the training step, when the message reports one.</summary>
    public int? Step { get; init; }

    /// <summary>Gets the training loss, when the message reports one.</summary>
    public double? Loss { get; init; }
}
