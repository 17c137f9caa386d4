using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>How many instances a generator buys within the budget per setting, and the PGR predicted for them.</summary>
internal sealed record BudgetOptionDocument(
    string Generator,
    int Instances,
    [property: JsonPropertyName("usd_per_setting")] double UsdPerSetting,
    [property: JsonPropertyName("predicted_pgr")] double PredictedPgr,
    string Basis);
