namespace AgoraBench;

/// <summary>The log-probabilities of a continuation's tokens.</summary>
/// <param name="LogProbabilities">Natural-log probabilities, one per continuation token.</param>
/// <param name="InputTokens">Tokens the model processed (context and continuation), when reported.</param>
public sealed record TokenLogProbabilities(IReadOnlyList<double> LogProbabilities, long InputTokens);
