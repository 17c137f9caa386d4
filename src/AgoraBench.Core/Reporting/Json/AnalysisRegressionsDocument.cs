using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>The <c>"regression"</c> of <c>results.json</c>: the coarse (per generator) and fine (per cell) fits, <c>null</c> when not measured.</summary>
internal sealed record AnalysisRegressionsDocument(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] RegressionDocument? Coarse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] RegressionDocument? Fine);
