using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The <c>"uncertainty"</c> of <c>results.json</c>: the level, the paired comparisons and the headline sentence.</summary>
internal sealed record AnalysisUncertaintyDocument(
    double Confidence,
    IReadOnlyList<PgrComparisonDocument> Comparisons,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Headline);
