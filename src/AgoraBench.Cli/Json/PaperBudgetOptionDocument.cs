using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>One option of the budget example; <c>pgr</c> names every domain, <c>null</c> where the paper prints no value.</summary>
internal sealed record PaperBudgetOptionDocument
{
    public required string Generator { get; init; }

    public required int Instances { get; init; }

    [JsonPropertyName("usd_per_setting")]
    public required double UsdPerSetting { get; init; }

    public required bool Affordable { get; init; }

    public required IReadOnlyDictionary<string, double?> Pgr { get; init; }
}
