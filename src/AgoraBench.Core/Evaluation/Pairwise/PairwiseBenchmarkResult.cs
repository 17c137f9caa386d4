namespace AgoraBench;

/// <summary>A model's score on a pairwise-judged benchmark (Arena-Hard or AlpacaEval 2.0).</summary>
public sealed class PairwiseBenchmarkResult
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
    public string ToJson() => JsonReport.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("benchmark", Benchmark);
        json.WriteString("model", Model);
        JsonReport.Number(json, "score", Score);
        json.WriteNumber("games", Games);
        json.WriteNumber("unjudged", Unjudged);
        if (Interval is var (lower, upper))
        {
            json.WriteStartArray("interval");
            json.WriteNumberValue(Math.Round(lower, 6));
            json.WriteNumberValue(Math.Round(upper, 6));
            json.WriteEndArray();

            // As Arena-Hard's show_result.py prints it: "95% CI: (lower − score, upper − score)", one decimal.
            json.WriteStartArray("interval_relative");
            json.WriteNumberValue(Math.Round(lower - Score, 1));
            json.WriteNumberValue(Math.Round(upper - Score, 1));
            json.WriteEndArray();
        }

        if (Rating is double rating)
        {
            JsonReport.Number(json, "rating", rating);
        }

        if (Note is not null)
        {
            json.WriteString("note", Note);
        }

        if (WinRate is double raw)
        {
            JsonReport.Number(json, "win_rate", raw);
            JsonReport.Number(json, "length_controlled_win_rate", Score);
        }

        if (Outcomes.Count > 0)
        {
            json.WriteStartArray("items");
            foreach (var outcome in Outcomes)
            {
                json.WriteStartObject();
                json.WriteString("id", outcome.Question);
                JsonReport.Number(json, "preference", outcome.Value);
                JsonReport.Number(json, "weight", outcome.Weight);
                if (outcome.RawPreference is double rawPreference)
                {
                    JsonReport.Number(json, "raw_preference", rawPreference);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    });
}
