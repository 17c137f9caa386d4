using System.Text.Json.Serialization;

namespace AgoraBench.Cli;

/// <summary><c>agorabench paper --format json</c>: the recomputed leaderboard beside the published figures, the agreement with them and the worked budget example.</summary>
internal sealed record PaperLeaderboardDocument
{
    public required string Source { get; init; }

    public required IReadOnlyList<PaperGeneratorDocument> Leaderboard { get; init; }

    public required PaperAgreementDocument Agreement { get; init; }

    [JsonPropertyName("budget_example")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PaperBudgetExampleDocument? BudgetExample { get; init; }
}
