using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// One problem of a graded <c>result.json</c>. <c>extracted</c> is always written (<c>null</c> when no answer was
/// found); <c>points</c> only when it differs from the correct samples (a grader with partial credit), the sample
/// counts only when a problem was sampled more than once.
/// </summary>
internal sealed record GradedItemDocument
{
    public required string Id { get; init; }

    public required bool Correct { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Extracted { get; init; }

    public required string Rule { get; init; }

    public double? Points { get; init; }

    public int? Unscored { get; init; }

    public int? Samples { get; init; }

    [JsonPropertyName("samples_correct")]
    public int? SamplesCorrect { get; init; }

    public static GradedItemDocument From(BenchmarkItemGrade item)
    {
        bool sampled = item.Samples > 1;
        return new()
        {
            Id = item.Id,
            Correct = item.Correct,
            Extracted = item.Extracted,
            Rule = item.Rule,
            Points = item.Points != item.SamplesCorrect ? item.Points : null,
            Unscored = item.Unscored > 0 ? item.Unscored : null,
            Samples = sampled ? item.Samples : null,
            SamplesCorrect = sampled ? item.SamplesCorrect : null,
        };
    }
}
