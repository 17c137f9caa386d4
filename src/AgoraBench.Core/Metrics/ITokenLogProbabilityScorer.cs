namespace AgoraBench;

/// <summary>Scores a continuation under a causal language model: the log-probability of each of its tokens given everything before it.</summary>
/// <remarks>Implementations are safe to call concurrently.</remarks>
public interface ITokenLogProbabilityScorer
{
    /// <summary>Scores <paramref name="continuation"/> after <paramref name="context"/>.</summary>
    /// <param name="context">The conditioning text (the instruction, possibly inside a template).</param>
    /// <param name="continuation">The text to score (the response).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The natural-log probabilities of the continuation's tokens, in order.</returns>
    Task<TokenLogProbabilities> ScoreAsync(string context, string continuation, CancellationToken cancellationToken = default);
}
