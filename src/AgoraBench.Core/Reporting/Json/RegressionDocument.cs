using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A problem-solving regression in <c>results.json</c>: fit, slope and the two correlations.</summary>
internal sealed record RegressionDocument(
    [property: JsonPropertyName("n")] int N,
    [property: JsonPropertyName("r2")] double R2,
    [property: JsonPropertyName("p")] double P,
    double Slope,
    double Intercept,
    [property: JsonPropertyName("pearson_r")] double PearsonR,
    [property: JsonPropertyName("pearson_p")] double PearsonP,
    [property: JsonPropertyName("spearman_rho")] double SpearmanRho,
    [property: JsonPropertyName("spearman_p")] double SpearmanP)
{
    public static RegressionDocument? From(ProblemSolvingRegression? r) => r is null
        ? null
        : new(r.Regression.N, r.Regression.RSquared, r.Regression.PValue, r.Regression.Slope, r.Regression.Intercept, r.Pearson.Coefficient, r.Pearson.PValue, r.Spearman.Coefficient, r.Spearman.PValue);
}
