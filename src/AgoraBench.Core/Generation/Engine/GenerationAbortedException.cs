namespace AgoraBench;

/// <summary>A generation run stopped because the endpoint kept failing or refused the request; everything accepted so far is in the run store.</summary>
public sealed class GenerationAbortedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="GenerationAbortedException"/> class.</summary>
    internal GenerationAbortedException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GenerationAbortedException"/> class.</summary>
    /// <param name="message">The message.</param>
    internal GenerationAbortedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="GenerationAbortedException"/> class.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The last failure.</param>
    internal GenerationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
