using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary><c>agorabench run --dry-run --json</c>: the run folder, each step's state and the cost estimate (the library's estimate document as it writes it, kept as it is).</summary>
internal sealed record RunDryRunDocument
{
    [JsonPropertyName("run_dir")]
    public required string RunDir { get; init; }

    [JsonPropertyName("dry_run")]
    public bool DryRun { get; init; } = true;

    public required IReadOnlyList<RunStepDocument> Steps { get; init; }

    public required JsonElement Estimate { get; init; }
}
