namespace AgoraBench;

/// <summary>The output formats of <see cref="AgoraBenchReports"/> (and of <c>--format</c> in the tool: <c>md</c>, <c>csv</c>, <c>json</c>).</summary>
public enum PgrReportFormat
{
    /// <summary>Markdown tables: the leaderboard, then every benchmark's PGR. Stable name: <c>md</c>.</summary>
    Markdown = 0,

    /// <summary>Long-format CSV with one row per generator and level (overall, method, setting, benchmark). Stable name: <c>csv</c>.</summary>
    Csv = 1,

    /// <summary>JSON with the generators in rank order. Stable name: <c>json</c>.</summary>
    Json = 2,
}
