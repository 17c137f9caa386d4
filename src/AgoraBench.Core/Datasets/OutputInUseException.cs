namespace AgoraBench;

/// <summary>Another writer (another process, or another run in this one) holds the lock of an output file; nothing was written.</summary>
internal sealed class OutputInUseException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="OutputInUseException"/> class.</summary>
    public OutputInUseException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutputInUseException"/> class.</summary>
    /// <param name="message">The message.</param>
    public OutputInUseException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="OutputInUseException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The error that kept the lock from being taken.</param>
    public OutputInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the output file whose lock is held, or <see langword="null"/>.</summary>
    public string? Path { get; init; }
}
