using System.ComponentModel;
using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>A domain's own rubric files of the judged intrinsic metrics.</summary>
[Description("The domain's own rubric files of the intrinsic-metric judges: a [criterion] line, then Score 1: … Score 5:. A metric without one uses the general rubric.")]
internal sealed record RubricsDocument
{
    [JsonPropertyName(IntrinsicMetricNames.InstructionDifficulty)]
    [Description("The rubric file of instruction difficulty.")]
    public string? InstructionDifficulty { get; set; }

    [JsonPropertyName(IntrinsicMetricNames.ResponseQuality)]
    [Description("The rubric file of response quality.")]
    public string? ResponseQuality { get; set; }
}
