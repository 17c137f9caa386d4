namespace AgoraBench;

/// <summary>Why a generated completion was not accepted.</summary>
/// <param name="Code">
/// A stable reason code: <c>unfinished</c>, <c>parse-failed</c>, <c>empty-instruction</c>, <c>empty-response</c>,
/// <c>placeholder-leak</c>, <c>math-result-count</c>, <c>math-result-end</c>, <c>code-fence-count</c>,
/// <c>code-fence-boundary</c>, <c>code-forbidden-phrase</c> or <c>too-long</c>.
/// </param>
/// <param name="Message">What exactly was wrong.</param>
public sealed record GenerationRejection(string Code, string Message);
