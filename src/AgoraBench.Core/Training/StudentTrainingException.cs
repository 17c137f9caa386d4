namespace AgoraBench;

/// <summary>Thrown when a training engine reports a failure: a failed or cancelled remote job, a command that exits non-zero or times out.</summary>
public sealed class StudentTrainingException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="StudentTrainingException"/> class.</summary>
    internal StudentTrainingException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StudentTrainingException"/> class.</summary>
    /// <param name="message">What failed, including the engine's own error.</param>
    public StudentTrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StudentTrainingException"/> class.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public StudentTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the remote job identifier, when there is one.</summary>
    public string? JobId { get; init; }

    /// <summary>Gets the process exit code, when a command failed.</summary>
    internal int? ExitCode { get; init; }
}
