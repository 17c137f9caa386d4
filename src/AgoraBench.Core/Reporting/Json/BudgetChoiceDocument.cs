using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>One generator of a budget decision: what the budget buys and the PGR expected from it.</summary>
internal sealed record BudgetChoiceDocument(string Generator)
{
    public int? Instances { get; init; }

    public required double Usd { get; init; }

    public required double Pgr { get; init; }

    [JsonPropertyName("pgr_low")]
    public double? PgrLow { get; init; }

    [JsonPropertyName("pgr_high")]
    public double? PgrHigh { get; init; }

    public required bool Affordable { get; init; }

    public static BudgetChoiceDocument From(BudgetChoice c) => new(c.Generator)
    {
        Instances = c.Instances,
        Usd = c.Usd,
        Pgr = c.Pgr,
        PgrLow = c.Interval is { IsDefined: true } i ? i.Lower : null,
        PgrHigh = c.Interval is { IsDefined: true } j ? j.Upper : null,
        Affordable = c.Affordable,
    };
}
