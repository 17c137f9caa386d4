namespace AgoraBench;

/// <summary>A model's score on a pairwise-judged benchmark (Arena-Hard or AlpacaEval 2.0).</summary>
internal sealed class PairwiseBenchmarkResult
{
    internal PairwiseBenchmarkResult(string benchmark, string model, double score, int games, int unjudged)
    {
        Benchmark = benchmark;
        Model = model;
        Score = score;
        Games = games;
        Unjudged = unjudged;
    }

    /// <summary>Gets the benchmark id: <c>arena-hard</c> or <c>alpacaeval-2.0</c>.</summary>
    public string Benchmark { get; }

    /// <summary>Gets the judged model's name.</summary>
    public string Model { get; }

    /// <summary>Gets the benchmark's score in percent: Arena-Hard's Bradley–Terry win rate against the baseline; AlpacaEval's length-controlled win rate.</summary>
    public double Score { get; }

    /// <summary>Gets the games with a verdict.</summary>
    public int Games { get; }

    /// <summary>Gets the games the judge gave no verdict for (left out, never scored).</summary>
    public int Unjudged { get; }

    /// <summary>Gets Arena-Hard's bootstrap interval of <see cref="Score"/>, or <see langword="null"/>.</summary>
    internal ScoreInterval? Interval { get; init; }

    /// <summary>Gets the lower bound of the bootstrap interval of <see cref="Score"/> (Arena-Hard), or <see langword="null"/> without one.</summary>
    public double? Lower => Interval?.Lower;

    /// <summary>Gets the upper bound of the bootstrap interval of <see cref="Score"/> (Arena-Hard), or <see langword="null"/> without one.</summary>
    public double? Upper => Interval?.Upper;

    /// <summary>Gets Arena-Hard's Bradley–Terry rating (the baseline at 1,000), or <see langword="null"/>.</summary>
    public double? Rating { get; internal init; }

    /// <summary>Gets a note on how the score was reached when it is not the usual fit (a model that lost or won every game), or <see langword="null"/>.</summary>
    public string? Note { get; internal init; }

    /// <summary>Gets AlpacaEval's raw win rate, or <see langword="null"/>.</summary>
    public double? WinRate { get; internal init; }

    /// <summary>Gets each judged question's result, in question order: what a paired bootstrap over questions resamples.</summary>
    internal IReadOnlyList<PairwiseOutcome> Outcomes { get; init; } = [];

    /// <summary>
    /// Formats the result as <c>{"benchmark", "model", "score", "games", "unjudged", "interval"?, "interval_relative"?,
    /// "rating"?, "win_rate"?, "length_controlled_win_rate"?, "items"?}</c>; each item is
    /// <c>{"id", "preference", "weight", "raw_preference"?}</c> (see <see cref="PairwiseOutcome"/>).
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ArtefactJson.Write(PairwiseResultDocument.From(this), EvaluationResultJsonContext.Default.PairwiseResultDocument);
}
