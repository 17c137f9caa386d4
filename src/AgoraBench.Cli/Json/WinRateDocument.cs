using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>One model's AlpacaEval win rates; <c>lc_standard_error</c> only where the method gives one.</summary>
internal sealed record WinRateDocument
{
    public required string Model { get; init; }

    [JsonPropertyName("win_rate")]
    public required double WinRate { get; init; }

    [JsonPropertyName("length_controlled_win_rate")]
    public required double LengthControlledWinRate { get; init; }

    [JsonPropertyName("standard_error")]
    public required double StandardError { get; init; }

    public required int Games { get; init; }

    [JsonPropertyName("lc_standard_error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? LcStandardError { get; init; }
}
