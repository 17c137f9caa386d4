using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The principal components of the intrinsic metrics in <c>results.json</c>.</summary>
internal sealed record PcaDocument(
    [property: JsonPropertyName("n")] int N,
    IReadOnlyList<string> Features,
    [property: JsonPropertyName("explained_variance_ratio")] IReadOnlyList<double> ExplainedVarianceRatio,
    IReadOnlyList<IReadOnlyList<double>> Loadings)
{
    public static PcaDocument? From(PcaResult? pca) => pca is null
        ? null
        : new(pca.Scores.Count, pca.Features, pca.ExplainedVarianceRatio, pca.Loadings);
}
