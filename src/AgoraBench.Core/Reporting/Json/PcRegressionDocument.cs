using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The regression of PGR on the principal components in <c>results.json</c>.</summary>
internal sealed record PcRegressionDocument(
    int Components,
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("r2")] double R2,
    [property: JsonPropertyName("adjusted_r2")] double AdjustedR2,
    [property: JsonPropertyName("p")] double P,
    [property: JsonPropertyName("p_prediction")] double PPrediction,
    IReadOnlyDictionary<string, double> Coefficients)
{
    public static PcRegressionDocument? From(PcRegressionResult? r) => r is null
        ? null
        : new(r.Components, r.Regression.N, r.Regression.RSquared, r.Regression.AdjustedRSquared, r.Regression.PValue, r.PredictionPValue,
            r.Regression.Coefficients.ToDictionary(c => c.Name, c => c.Estimate, StringComparer.Ordinal));
}
