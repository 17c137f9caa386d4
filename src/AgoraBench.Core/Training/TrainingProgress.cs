namespace AgoraBench;

/// <summary>A progress report from a trainer: a stage change, a log line or a metric.</summary>
public sealed class TrainingProgress
{
    /// <summary>Initializes a new instance of the <see cref="TrainingProgress"/> class.</summary>
    /// <param name="stage">The value of <see cref="Stage"/>.</param>
    /// <param name="message">The value of <see cref="Message"/>.</param>
    /// <param name="step">The value of <see cref="Step"/>, or <see langword="null"/> when the message reports none.</param>
    /// <param name="loss">The value of <see cref="Loss"/>, or <see langword="null"/> when the message reports none.</param>
    public TrainingProgress(string stage, string message, int? step = null, double? loss = null)
    {
        Stage = stage;
        Message = message;
        Step = step;
        Loss = loss;
    }

    /// <summary>Gets the stage: <c>export</c>, <c>upload</c>, <c>queued</c>, <c>running</c>, <c>log</c>, <c>succeeded</c>, ….</summary>
    public string Stage { get; }

    /// <summary>Gets a human-readable message (a job event, a log line).</summary>
    public string Message { get; }

    /// <summary>Gets the training step, when the message reports one.</summary>
    public int? Step { get; }

    /// <summary>Gets the training loss, when the message reports one.</summary>
    public double? Loss { get; }
}
