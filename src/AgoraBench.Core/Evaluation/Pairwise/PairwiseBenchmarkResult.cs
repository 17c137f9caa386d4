namespace AgoraBench;

/// <summary>A model's score on a pairwise-judged benchmark (Arena-Hard or AlpacaEval 2.0).</summary>
/// <param name="Benchmark">The benchmark id: <c>arena-hard</c> or <c>alpacaeval-2.0</c>.</param>
/// <param name="Model">The judged model's name.</param>
/// <param name="Score">The benchmark's score in percent: Arena-Hard's Bradley–Terry win rate against the baseline; AlpacaEval's length-controlled win rate.</param>
/// <param name="Games">The games with a verdict.</param>
/// <param name="Unjudged">The games the judge gave no verdict for (left out, never scored).</param>
public sealed record PairwiseBenchmarkResult(string Benchmark, string Model, double Score, int Games, int Unjudged)
{
    /// <summary>Gets Arena-Hard's bootstrap interval of <see cref="Score"/>, or <see langword="null"/>.</summary>
    public ScoreInterval? Interval { get; init; }

    /// <summary>Gets Arena-Hard's Bradley–Terry rating (the baseline at 1,000), or <see langword="null"/>.</summary>
    public double? Rating { get; init; }

    /// <summary>Gets a note on how the score was reached when it is not the usual fit (a model that lost or won every game), or <see langword="null"/>.</summary>
    public string? Note { get; init; }

    /// <summary>Gets AlpacaEval's raw win rate, or <see langword="null"/>.</summary>
    public double? WinRate { get; init; }

    /// <summary>Gets each judged question's result, in question order: what a paired bootstrap over questions resamples.</summary>
    public IReadOnlyList<PairwiseOutcome> Outcomes { get; init; } = [];

    /// <summary>
    /// Formats the result as <c>{"benchmark", "model", "score", "games", "unjudged", "interval"?, "interval_relative"?,
    /// "rating"?, "win_rate"?, "length_controlled_win_rate"?, "items"?}</c>; each item is
    /// <c>{"id", "preference", "weight", "raw_preference"?}</c> (see <see cref="PairwiseOutcome"/>).
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ArtefactJson.Write(PairwiseResultDocument.From(this), EvaluationResultJsonContext.Default.PairwiseResultDocument);
}
