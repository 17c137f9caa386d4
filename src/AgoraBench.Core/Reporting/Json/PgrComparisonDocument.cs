using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One paired comparison of two generators: the PGR difference, its interval and P(a better).</summary>
internal sealed record PgrComparisonDocument(
    [property: JsonPropertyName("a")] string A,
    [property: JsonPropertyName("b")] string B,
    double Difference,
    double Low,
    double High,
    [property: JsonPropertyName("p_a_better")] double PABetter,
    bool Significant)
{
    public static PgrComparisonDocument From(GeneratorComparison c) =>
        new(c.Generator, c.Other, c.Difference.Estimate, c.Difference.Lower, c.Difference.Upper, c.ProbabilityBetter, c.IsSignificantlyBetter);

    public GeneratorComparison ToComparison(double confidence, int rounds) =>
        new(A, B, new ConfidenceInterval(Difference, Low, High, confidence, rounds, 0), PABetter);
}
