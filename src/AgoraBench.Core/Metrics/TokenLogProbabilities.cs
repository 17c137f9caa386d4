namespace AgoraBench;

/// <summary>The log-probabilities of a continuation's tokens.</summary>
public sealed class TokenLogProbabilities
{
    /// <summary>Initializes a new instance of the <see cref="TokenLogProbabilities"/> class.</summary>
    /// <param name="logProbabilities">Natural-log probabilities, one per continuation token.</param>
    /// <param name="inputTokens">Tokens the model processed (context and continuation), when reported.</param>
    public TokenLogProbabilities(IReadOnlyList<double> logProbabilities, long inputTokens)
    {
        LogProbabilities = logProbabilities;
        InputTokens = inputTokens;
    }

    /// <summary>Gets natural-log probabilities, one per continuation token.</summary>
    public IReadOnlyList<double> LogProbabilities { get; }

    /// <summary>Gets tokens the model processed (context and continuation), when reported.</summary>
    public long InputTokens { get; }
}
