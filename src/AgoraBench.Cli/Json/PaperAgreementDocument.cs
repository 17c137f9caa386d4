using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>How far the recomputed averages are from the paper's printed ones.</summary>
internal sealed record PaperAgreementDocument
{
    [JsonPropertyName("max_method_average_difference")]
    public required double MaxMethodAverageDifference { get; init; }

    [JsonPropertyName("max_overall_difference")]
    public required double MaxOverallDifference { get; init; }
}
