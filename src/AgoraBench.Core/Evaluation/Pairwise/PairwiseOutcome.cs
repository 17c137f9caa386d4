namespace AgoraBench;

/// <summary>
/// One question's result for a model on a pairwise-judged benchmark, in the form the PGR bootstrap resamples: the
/// benchmark score is the weighted mean of <see cref="Value"/> over the questions, so a resample of questions gives a
/// resampled score.
/// </summary>
/// <param name="Question">The question's id.</param>
/// <param name="Value">
/// The model's result on the question in percent. Arena-Hard: its share of the question's weighted wins against the
/// baseline (a strong verdict counts as several wins, a tie half of one). AlpacaEval 2.0: the question's share with
/// the fitted length effect removed (it can leave [0, 100] slightly).
/// </param>
/// <param name="Weight">
/// The question's weight in the score. Arena-Hard: the weighted games it contributes (so the weighted mean is the
/// Bradley–Terry win rate against the baseline, which for one model and one baseline is the share of weighted wins);
/// AlpacaEval 2.0: 1.
/// </param>
internal sealed record PairwiseOutcome(string Question, double Value, double Weight)
{
    /// <summary>Gets AlpacaEval's raw share in percent (before the length adjustment), or <see langword="null"/>.</summary>
    public double? RawPreference { get; init; }
}
