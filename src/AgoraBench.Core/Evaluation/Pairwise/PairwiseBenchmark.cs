namespace AgoraBench;

/// <summary>
/// Scores a model on Arena-Hard or AlpacaEval 2.0 with a <see cref="PairwiseJudge"/>: two games per question (the
/// positions swapped), then a Bradley–Terry rating with a bootstrap interval (Arena-Hard) or raw and length-controlled
/// win rates (AlpacaEval).
/// </summary>
internal static class PairwiseBenchmark
{
    /// <summary>Judges a model's answers against a baseline's and scores them.</summary>
    /// <param name="judge">The judge.</param>
    /// <param name="benchmark"><c>arena-hard</c> or <c>alpacaeval-2.0</c> (<c>alpaca-eval</c> is accepted).</param>
    /// <param name="questions">Question id → question.</param>
    /// <param name="answers">Question id → the model's answer.</param>
    /// <param name="baseline">Question id → the baseline's answer.</param>
    /// <param name="model">The model's name.</param>
    /// <param name="options">Bradley–Terry options (bootstrap rounds, seed), or <see langword="null"/> for the defaults.</param>
    /// <param name="concurrency">Judge requests in flight.</param>
    /// <param name="lengthControl">AlpacaEval's <c>length_controlled_v1</c> inputs, or <see langword="null"/> for <c>length_controlled_minimal</c>.</param>
    /// <param name="cancellationToken">Cancels the judging.</param>
    /// <returns>The score.</returns>
    /// <exception cref="ArgumentException"><paramref name="benchmark"/> is not pairwise-judged.</exception>
    public static async Task<PairwiseBenchmarkResult> ScoreAsync(
        PairwiseJudge judge,
        string benchmark,
        IReadOnlyDictionary<string, string> questions,
        IReadOnlyDictionary<string, string> answers,
        IReadOnlyDictionary<string, string> baseline,
        string model,
        BradleyTerryOptions? options = null,
        int concurrency = 8,
        LengthControlInputs? lengthControl = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(judge);
        string id = Id(benchmark);
        const string BaselineName = "baseline";
        var (judgments, unjudged) = await judge.PlayAsync(questions, answers, baseline, model, BaselineName, concurrency, cancellationToken).ConfigureAwait(false);
        return Score(id, model, BaselineName, judgments, unjudged, answers, baseline, options, lengthControl);
    }

    /// <summary>Scores judged games.</summary>
    /// <param name="benchmark"><c>arena-hard</c> or <c>alpacaeval-2.0</c>.</param>
    /// <param name="model">The model's name in the judgments.</param>
    /// <param name="baselineName">The baseline's name in the judgments.</param>
    /// <param name="judgments">The games with a verdict.</param>
    /// <param name="unjudged">The games without one.</param>
    /// <param name="answers">Question id → the model's answer (AlpacaEval's length term).</param>
    /// <param name="baseline">Question id → the baseline's answer.</param>
    /// <param name="options">Bradley–Terry options, or <see langword="null"/>.</param>
    /// <param name="lengthControl">AlpacaEval's <c>length_controlled_v1</c> inputs, or <see langword="null"/> for <c>length_controlled_minimal</c>.</param>
    /// <returns>The score.</returns>
    internal static PairwiseBenchmarkResult Score(
        string benchmark,
        string model,
        string baselineName,
        IReadOnlyList<PairwiseJudgment> judgments,
        int unjudged,
        IReadOnlyDictionary<string, string> answers,
        IReadOnlyDictionary<string, string> baseline,
        BradleyTerryOptions? options = null,
        LengthControlInputs? lengthControl = null)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(baseline);
        string id = Id(benchmark);
        if (judgments.Count == 0)
        {
            throw new DataValidationException($"{id}: the judge gave no verdict in any of {unjudged} game(s); nothing can be scored.");
        }

        if (id == "arena-hard")
        {
            // Against the baseline alone, a model that loses (or wins) every game has an unbounded strength; the
            // maximum-likelihood win rate is then exactly 0 (or 100), which is what is reported.
            var weight = options?.StrongVerdictWeight ?? new BradleyTerryOptions().StrongVerdictWeight;
            double Won(PairwiseJudgment j) => WinRate.Preference(j.Verdict, j.ModelA == model) switch { 1.0 => j.Verdict is PairwiseVerdict.AMuchBetter or PairwiseVerdict.BMuchBetter ? weight : 1, 0.5 => 0.5, _ => 0 };
            double Lost(PairwiseJudgment j) => WinRate.Preference(j.Verdict, j.ModelA == model) switch { 0.0 => j.Verdict is PairwiseVerdict.AMuchBetter or PairwiseVerdict.BMuchBetter ? weight : 1, 0.5 => 0.5, _ => 0 };
            double won = judgments.Sum(Won);
            double lost = judgments.Sum(Lost);

            // With one model and one baseline the Bradley–Terry fit reproduces the share of weighted wins, so each
            // question's share, weighted by its weighted games, gives the score back and can be resampled.
            PairwiseOutcome[] outcomes = [.. judgments.GroupBy(j => j.Question, StringComparer.Ordinal)
                .Select(g => (Question: g.Key, Won: g.Sum(Won), Total: g.Sum(Won) + g.Sum(Lost)))
                .Where(q => q.Total > 0)
                .OrderBy(q => q.Question, StringComparer.Ordinal)
                .Select(q => new PairwiseOutcome(q.Question, 100 * q.Won / q.Total, q.Total))];
            if (won == 0 || lost == 0)
            {
                double bound = won == 0 ? 0 : 100;
                return new PairwiseBenchmarkResult(id, model, bound, judgments.Count, unjudged)
                {
                    Interval = new ScoreInterval(bound, bound),
                    Note = $"the model {(won == 0 ? "lost" : "won")} every game against the baseline, so its Bradley–Terry strength is unbounded; the score is its win rate",
                    Outcomes = outcomes,
                };
            }

            var rating = BradleyTerry.Fit(judgments, baselineName, options).Single(r => r.Model == model);
            return new PairwiseBenchmarkResult(id, model, rating.Score, judgments.Count, unjudged) { Interval = new ScoreInterval(rating.ScoreInterval.Lower, rating.ScoreInterval.Upper), Rating = rating.Rating, Outcomes = outcomes };
        }

        // One game per instruction as AlpacaEval plays it: the model's share over the instruction's judged games (the
        // two position orders) becomes one continuous preference in [1, 2]; instructions keep the answers' order.
        var byQuestion = judgments.GroupBy(j => j.Question, StringComparer.Ordinal).ToDictionary(g => g.Key, g => 1 + g.Average(j => WinRate.Preference(j.Verdict, j.ModelA == model)), StringComparer.Ordinal);
        string[] played = [.. answers.Keys.Where(q => baseline.ContainsKey(q) && byQuestion.ContainsKey(q))];
        var games = played.Select(q => new AlpacaEvalGame(byQuestion[q], baseline[q], answers[q])).ToArray();
        var method = lengthControl is null ? WinRateMethod.Minimal : WinRateMethod.LengthControlledV1;
        var result = WinRate.Compute(games, method, lengthControl);
        return new PairwiseBenchmarkResult(id, model, result.LengthControlledWinRate, judgments.Count, unjudged)
        {
            WinRate = result.WinRate,
            Outcomes = [.. played.Select((q, i) => (Question: q, Adjusted: result.AdjustedShares.Count > i ? result.AdjustedShares[i] : null, Raw: byQuestion[q] - 1))
                .Where(g => g.Adjusted is not null)
                .Select(g => new PairwiseOutcome(g.Question, 100 * g.Adjusted!.Value, 1) { RawPreference = 100 * g.Raw })],
            Note = lengthControl is null ? "length_controlled_minimal: no instruction difficulties or gamed baselines were given, so length_controlled_v1 (the leaderboard's) could not be computed" : null,
        };
    }

    private static string Id(string benchmark) => benchmark switch
    {
        "arena-hard" => "arena-hard",
        "alpacaeval-2.0" or "alpaca-eval" => "alpacaeval-2.0",
        _ => throw new ArgumentException($"'{benchmark}' is not judged pairwise; expected arena-hard or alpacaeval-2.0.", nameof(benchmark)),
    };
}
