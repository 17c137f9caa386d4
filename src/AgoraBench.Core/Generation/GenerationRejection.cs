namespace AgoraBench;

/// <summary>Why a generated completion was not accepted.</summary>
public sealed class GenerationRejection
{
    /// <summary>Initializes a new instance of the <see cref="GenerationRejection"/> class.</summary>
    /// <param name="code">The value of <see cref="Code"/>.</param>
    /// <param name="message">The value of <see cref="Message"/>.</param>
    public GenerationRejection(string code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>Gets /// A stable reason code: <c>unfinished</c>, <c>parse-failed</c>, <c>empty-instruction</c>, <c>empty-response</c>,
/// <c>placeholder-leak</c>, <c>math-result-count</c>, <c>math-result-end</c>, <c>code-fence-count</c>,
/// <c>code-fence-boundary</c>, <c>code-forbidden-phrase</c> or <c>too-long</c>.
///</summary>
    public string Code { get; }

    /// <summary>Gets what exactly was wrong.</summary>
    public string Message { get; }
}

