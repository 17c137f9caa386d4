using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary><c>agorabench run --json</c>: whether the run succeeded, each step's state, the report, the leaderboard when PGR is done (the library's <c>pgr.json</c> as it writes it, kept as it is) and the costs.</summary>
internal sealed record RunResultDocument
{
    [JsonPropertyName("run_dir")]
    public required string RunDir { get; init; }

    public required bool Succeeded { get; init; }

    public required IReadOnlyList<string> Stages { get; init; }

    public required IReadOnlyList<RunStepDocument> Steps { get; init; }

    public required string? Report { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Leaderboard { get; init; }

    public required IReadOnlyList<RunCostDocument> Costs { get; init; }
}
