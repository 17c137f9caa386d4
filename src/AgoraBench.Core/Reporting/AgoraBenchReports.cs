using System.Globalization;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// Writes what a study produced as text and files: a <see cref="PgrReport"/> as Markdown, CSV or JSON (optionally
/// with a <see cref="BudgetDecision"/>), and an <see cref="AgoraBenchAnalysis"/> as <c>report.md</c> or the whole
/// report folder (<c>results.json</c>, <c>report.md</c>, <c>report.html</c> and CSV tables). The tool's <c>pgr</c>,
/// <c>analyze</c>, <c>paper</c> and <c>run</c> commands write through it.
/// </summary>
/// <remarks>
/// The PGR report's JSON shape is <c>{"aggregation", "generators": [{"generator", "rank", "overall", "complete",
/// "methods", "domains", "cells", "benchmarks", "intervals"?}], "confidence"?, "comparisons"?}</c>; its CSV columns are
/// <c>generator,rank,level,method,domain,benchmark,pgr,student,base,reference,pgr_low,pgr_high</c>. Numbers in CSV and
/// JSON keep full precision; Markdown shows two decimals.
/// </remarks>
public static class AgoraBenchReports
{
    /// <summary>Formats a PGR report, with a budget decision when one is given.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <param name="budget">
    /// A decision to add, or <see langword="null"/>: a <c>"budget"</c> member of the JSON object, or a Markdown section
    /// after the report. CSV keeps its columns, so it takes no decision.
    /// </param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException"><paramref name="budget"/> is given with <see cref="PgrReportFormat.Csv"/>.</exception>
    public static string Format(PgrReport report, PgrReportFormat format, BudgetDecision? budget = null)
    {
        string text = PgrReportWriter.ToString(report, format);
        if (budget is null)
        {
            return text;
        }

        switch (format)
        {
            case PgrReportFormat.Json:
                var node = JsonNode.Parse(text)!.AsObject();
                node["budget"] = JsonNode.Parse(Format(budget, PgrReportFormat.Json));
                return node.ToJsonString(JsonReport.Indented) + "\n";
            case PgrReportFormat.Markdown:
                return text + Environment.NewLine + Format(budget, PgrReportFormat.Markdown);
            default:
                throw new ArgumentException("A budget decision goes with the Markdown or JSON report; the CSV keeps its columns.", nameof(budget));
        }
    }

    /// <summary>Formats a budget decision as a Markdown section (the choice, the candidates, how sure) or one JSON object.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="format">Markdown or JSON.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentException"><paramref name="format"/> is <see cref="PgrReportFormat.Csv"/>.</exception>
    public static string Format(BudgetDecision decision, PgrReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(decision);
        switch (format)
        {
            case PgrReportFormat.Json:
                return JsonReport.Write(json => BudgetDecisionWriter.WriteJson(decision, json));
            case PgrReportFormat.Markdown:
                using (var text = new StringWriter(CultureInfo.InvariantCulture))
                {
                    BudgetDecisionWriter.WriteMarkdown(decision, text);
                    return text.ToString();
                }

            default:
                throw new ArgumentException("A budget decision is written as Markdown or JSON.", nameof(format));
        }
    }

    /// <summary>
    /// Formats the leaderboard as one Markdown table, padded to read well in a terminal: rank, generator, the setting
    /// columns and method averages, overall PGR (and its interval when the report has them).
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="withCellCount">Whether to add a column with each generator's count of cells.</param>
    /// <returns>The table, one line per row, each ending with a newline.</returns>
    public static string FormatLeaderboard(PgrReport report, bool withCellCount = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        PgrReportWriter.LeaderboardTable(report, withCellCount).WriteTo(text);
        return text.ToString();
    }

    /// <summary>Formats an analysis as Markdown (the text of <c>report.md</c>).</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="title">The title.</param>
    /// <returns>The Markdown text.</returns>
    public static string FormatAnalysis(AgoraBenchAnalysis analysis, string title = "AGORABENCH analysis") => AnalysisReportWriter.Markdown(analysis, title);

    /// <summary>
    /// Writes an analysis's report folder (created when missing), each file atomically: <c>results.json</c>,
    /// <c>report.md</c>, a self-contained <c>report.html</c> with SVG charts, and CSV tables.
    /// </summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="title">The report's title.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written.</returns>
    public static Task<IReadOnlyList<string>> WriteAnalysisAsync(AgoraBenchAnalysis analysis, string directory, string title = "AGORABENCH analysis", CancellationToken cancellationToken = default) =>
        AnalysisReportWriter.WriteAsync(analysis, directory, title, cancellationToken);
}
