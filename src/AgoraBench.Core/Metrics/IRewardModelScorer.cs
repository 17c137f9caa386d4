namespace AgoraBench;

/// <summary>Scores an instruction/response pair with a reward model (the paper uses Skywork-Reward-Llama-3.1-8B).</summary>
public interface IRewardModelScorer
{
    /// <summary>Scores one pair.</summary>
    /// <param name="instruction">The instruction.</param>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The reward (unbounded; higher is better).</returns>
    Task<double> ScoreAsync(string instruction, string response, CancellationToken cancellationToken = default);
}
