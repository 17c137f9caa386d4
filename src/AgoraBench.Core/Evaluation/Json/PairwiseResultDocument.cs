using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// A pairwise-judged benchmark's <c>result.json</c>. Arena-Hard adds its bootstrap interval (absolute, six decimals,
/// and relative to the score as its <c>show_result.py</c> prints it, one decimal) and its rating; AlpacaEval its raw
/// and length-controlled win rates.
/// </summary>
internal sealed record PairwiseResultDocument
{
    public required string Benchmark { get; init; }

    public required string Model { get; init; }

    public required double Score { get; init; }

    public required int Games { get; init; }

    public required int Unjudged { get; init; }

    public IReadOnlyList<double>? Interval { get; init; }

    [JsonPropertyName("interval_relative")]
    public IReadOnlyList<double>? IntervalRelative { get; init; }

    public double? Rating { get; init; }

    public string? Note { get; init; }

    [JsonPropertyName("win_rate")]
    public double? WinRate { get; init; }

    [JsonPropertyName("length_controlled_win_rate")]
    public double? LengthControlledWinRate { get; init; }

    public IReadOnlyList<PairwiseItemDocument>? Items { get; init; }

    public static PairwiseResultDocument From(PairwiseBenchmarkResult result) => new()
    {
        Benchmark = result.Benchmark,
        Model = result.Model,
        Score = result.Score,
        Games = result.Games,
        Unjudged = result.Unjudged,
        Interval = result.Interval is var (lower, upper) ? [Math.Round(lower, 6), Math.Round(upper, 6)] : null,
        IntervalRelative = result.Interval is var (low, high) ? [Math.Round(low - result.Score, 1), Math.Round(high - result.Score, 1)] : null,
        Rating = result.Rating,
        Note = result.Note,
        WinRate = result.WinRate,
        LengthControlledWinRate = result.WinRate is null ? null : result.Score,
        Items = result.Outcomes.Count == 0 ? null : [.. result.Outcomes.Select(o => new PairwiseItemDocument { Id = o.Question, Preference = o.Value, Weight = o.Weight, RawPreference = o.RawPreference })],
    };
}
