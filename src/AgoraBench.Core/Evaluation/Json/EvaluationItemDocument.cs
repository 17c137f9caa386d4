using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// What a run reads back of one problem in an evaluation's <c>result.json</c>: a graded problem's correctness, samples
/// and points, or a pairwise question's preference and weight. Other fields (the extracted answer, the rule) are not read.
/// </summary>
internal sealed record EvaluationItemDocument
{
    public string? Id { get; init; }

    public bool? Correct { get; init; }

    public int? Samples { get; init; }

    public int? Unscored { get; init; }

    [JsonPropertyName("samples_correct")]
    public int? SamplesCorrect { get; init; }

    public double? Points { get; init; }

    public double? Preference { get; init; }

    public double? Weight { get; init; }
}
