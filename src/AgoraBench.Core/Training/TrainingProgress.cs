namespace AgoraBench;

/// <summary>A progress report from a trainer: a stage change, a log line or a metric.</summary>
public sealed class TrainingProgress
{
    /// <summary>Initializes a new instance of the <see cref="TrainingProgress"/> class.</summary>
    /// <param name="stage">The value of <see cref="Stage"/>.</param>
    /// <param name="message">The value of <see cref="Message"/>.</param>
    public TrainingProgress(string stage, string message)
    {
        Stage = stage;
        Message = message;
    }

    /// <summary>Gets the stage: <c>export</c>, <c>upload</c>, <c>queued</c>, <c>running</c>, <c>log</c>, <c>succeeded</c>, ….</summary>
    public string Stage { get; }

    /// <summary>Gets a human-readable message (a job event, a log line).</summary>
    public string Message { get; }

    /// <summary>Gets the training step, when the message reports one.</summary>
    public int? Step { get; init; }

    /// <summary>Gets the training loss, when the message reports one.</summary>
    public double? Loss { get; init; }
}
