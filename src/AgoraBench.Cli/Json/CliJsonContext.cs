using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>
/// Source-generated JSON (trimming- and Native-AOT-safe) for what only the tool prints or writes: the paper's
/// leaderboard and budget example, win rates, <c>run --json</c> and <c>batch status --json</c>. Field names are snake_case, a number that is not
/// finite is written as <c>null</c>, and a field a document has no value for is written as <c>null</c> unless marked
/// otherwise.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    Converters = [typeof(FiniteDoubleJsonConverter)])]
[JsonSerializable(typeof(PaperLeaderboardDocument))]
[JsonSerializable(typeof(WinRatesDocument))]
[JsonSerializable(typeof(RunDryRunDocument))]
[JsonSerializable(typeof(RunResultDocument))]
[JsonSerializable(typeof(List<BatchStatusDocument>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
