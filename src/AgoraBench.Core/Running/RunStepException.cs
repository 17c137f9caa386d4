namespace AgoraBench;

/// <summary>A step could not finish for a reason its message explains (an endpoint refused, a budget ran out, a trainer failed); the run records it and goes on.</summary>
internal sealed class RunStepException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="RunStepException"/> class.</summary>
    public RunStepException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RunStepException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    public RunStepException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RunStepException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RunStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
