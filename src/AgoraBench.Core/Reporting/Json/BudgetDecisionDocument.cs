using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A budget decision in a report file: the best generator for the money, the runner-up, how sure, and every choice.</summary>
internal sealed record BudgetDecisionDocument
{
    [JsonPropertyName("budget_usd")]
    public required double BudgetUsd { get; init; }

    public required string Scope { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Best { get; init; }

    [JsonPropertyName("runner_up")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? RunnerUp { get; init; }

    [JsonPropertyName("p_best_better")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PBestBetter { get; init; }

    public double? Difference { get; init; }

    [JsonPropertyName("difference_low")]
    public double? DifferenceLow { get; init; }

    [JsonPropertyName("difference_high")]
    public double? DifferenceHigh { get; init; }

    public required bool Significant { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<BudgetChoiceDocument> Choices { get; init; }

    public required IReadOnlyList<string> Notes { get; init; }

    public static BudgetDecisionDocument From(BudgetDecision d) => new()
    {
        BudgetUsd = d.BudgetUsd,
        Scope = d.Domain is { } domain ? AgoraBenchNames.ToName(domain) : "overall",
        Best = d.Best?.Generator,
        RunnerUp = d.RunnerUp?.Generator,
        PBestBetter = d.ProbabilityBestIsBetter,
        Difference = d.Difference?.Estimate,
        DifferenceLow = d.Difference?.Lower,
        DifferenceHigh = d.Difference?.Upper,
        Significant = d.IsSignificant,
        Summary = d.Summary,
        Choices = [.. d.Choices.Select(BudgetChoiceDocument.From)],
        Notes = d.Notes,
    };
}
