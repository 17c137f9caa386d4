using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One benchmark of a cell in <c>pgr.json</c>: the three scores, the PGR and its interval when there is one.</summary>
internal sealed record PgrBenchmarkDocument(double Student, double Base, double Reference, double Pgr)
{
    [JsonPropertyName("pgr_low")]
    public double? PgrLow { get; init; }

    [JsonPropertyName("pgr_high")]
    public double? PgrHigh { get; init; }

    [JsonPropertyName("interval_problem")]
    public string? IntervalProblem { get; init; }

    public static PgrBenchmarkDocument From(BenchmarkPgr b) => new(b.Student, b.Base, b.Reference, b.Value)
    {
        PgrLow = b.Interval?.Lower,
        PgrHigh = b.Interval?.Upper,
        IntervalProblem = b.Interval?.Problem,
    };

    public BenchmarkPgr ToBenchmark(string benchmark, double confidence, int rounds) => new(benchmark, Student, Base, Reference, Pgr)
    {
        Interval = IntervalProblem is { } problem
            ? ConfidenceInterval.Undefined(Pgr, confidence, rounds, problem)
            : PgrLow is { } low && PgrHigh is { } high ? new ConfidenceInterval(Pgr, low, high, confidence, rounds, 0) : null,
    };
}
