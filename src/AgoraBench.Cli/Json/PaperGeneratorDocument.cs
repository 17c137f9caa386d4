using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary>One generator of the paper's leaderboard: its recomputed PGR (the shape of <c>pgr.json</c>'s methods and cells) next to the paper's figures and prices.</summary>
internal sealed record PaperGeneratorDocument
{
    public required string Generator { get; init; }

    [JsonPropertyName("model_id")]
    public required string ModelId { get; init; }

    public required int Rank { get; init; }

    public required double Overall { get; init; }

    [JsonPropertyName("paper_overall")]
    public required double PaperOverall { get; init; }

    public required IReadOnlyDictionary<string, double> Methods { get; init; }

    public required IReadOnlyDictionary<string, double> Cells { get; init; }

    [JsonPropertyName("problem_solving")]
    public required double ProblemSolving { get; init; }

    [JsonPropertyName("usd_per_1m_input")]
    public required double UsdPer1mInput { get; init; }

    [JsonPropertyName("usd_per_1m_output")]
    public required double UsdPer1mOutput { get; init; }
}
