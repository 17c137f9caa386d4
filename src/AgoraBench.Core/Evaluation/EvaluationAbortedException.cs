namespace AgoraBench;

/// <summary>An evaluation stopped because the model's endpoint refused a request (a 4xx answer other than 408 and 429: a wrong key, a missing model, a bad request; its message gives the status and the server's reason); the answers so far stay in the predictions file.</summary>
internal sealed class EvaluationAbortedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="EvaluationAbortedException"/> class.</summary>
    public EvaluationAbortedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EvaluationAbortedException"/> class.</summary>
    /// <param name="message">The message.</param>
    public EvaluationAbortedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="EvaluationAbortedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The refusal.</param>
    public EvaluationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
