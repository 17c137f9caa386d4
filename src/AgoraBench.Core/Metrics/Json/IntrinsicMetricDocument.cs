using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary>
/// One metric in <c>metrics.json</c>: the mean (<c>null</c> when nothing was scored), counts, the metric's own
/// statistics under <c>"details"</c>, usage, failures by code and the first 50 diagnostics.
/// </summary>
/// <remarks>
/// Files written before the details moved under their own key had them beside <c>"mean"</c>; the fields the run
/// reads back (mean, counts, usage) are where they always were, so both shapes read.
/// </remarks>
internal sealed record IntrinsicMetricDocument
{
    /// <summary>The most diagnostics a file keeps per metric; <c>"failures"</c> counts them all.</summary>
    public const int MaxDiagnostics = 50;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Mean { get; init; }

    public int Count { get; init; }

    public int Failed { get; init; }

    public IReadOnlyDictionary<string, double>? Details { get; init; }

    public long Requests { get; init; }

    [JsonPropertyName("input_tokens")]
    public long InputTokens { get; init; }

    [JsonPropertyName("output_tokens")]
    public long OutputTokens { get; init; }

    public IReadOnlyDictionary<string, int> Failures { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<MetricDiagnostic> Diagnostics { get; init; } = [];

    public static IntrinsicMetricDocument From(IntrinsicMetricResult result) => new()
    {
        Mean = result.Value,
        Count = result.Count,
        Failed = result.Failed,
        Details = result.Details.Count > 0 ? result.Details : null,
        Requests = result.Usage.Requests,
        InputTokens = result.Usage.InputTokens,
        OutputTokens = result.Usage.OutputTokens,
        Failures = result.Diagnostics.GroupBy(d => d.Code).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        Diagnostics = [.. result.Diagnostics.Take(MaxDiagnostics)],
    };
}
