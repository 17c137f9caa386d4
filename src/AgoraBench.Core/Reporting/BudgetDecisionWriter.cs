using System.Globalization;
using System.Text.Json;

namespace AgoraBench;

/// <summary>Formats a <see cref="BudgetDecision"/> as a Markdown section or a JSON object.</summary>
internal static class BudgetDecisionWriter
{
    /// <summary>Writes the decision as a Markdown section: the choice, the candidates and how sure the choice is.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="writer">Where the Markdown goes.</param>
    /// <param name="title">The section heading; a default one when null.</param>
    public static void WriteMarkdown(BudgetDecision decision, TextWriter writer, string? title = null)
    {
        string scope = decision.Domain is { } d ? AgoraBenchNames.ToName(d) : "overall";
        writer.WriteLine(title ?? $"### Budget decision: USD {decision.BudgetUsd.ToString("N2", CultureInfo.InvariantCulture)} ({scope} PGR)");
        writer.WriteLine();
        writer.WriteLine(decision.Summary);
        writer.WriteLine();
        var table = new MarkdownTable(("Generator", false), ("Instances", true), ("USD", true), ("PGR", true), ("Interval", false), ("Within budget", false));
        foreach (var c in decision.Choices)
        {
            table.AddRow(
                c.Generator,
                c.Instances is int n ? n.ToString("N0", CultureInfo.InvariantCulture) : string.Empty,
                MarkdownTable.Number(c.Usd),
                MarkdownTable.Number(c.Pgr),
                PgrReportWriter.IntervalText(c.Interval),
                c.Affordable ? "yes" : "no");
        }

        table.WriteTo(writer);
        foreach (string note in decision.Notes)
        {
            writer.WriteLine();
            writer.WriteLine("Note: " + note);
        }
    }

    /// <summary>Writes the decision as one JSON value (see <see cref="BudgetDecisionDocument"/>).</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="json">The writer.</param>
    public static void WriteJson(BudgetDecision decision, Utf8JsonWriter json) =>
        JsonSerializer.Serialize(json, BudgetDecisionDocument.From(decision), ReportJsonContext.Default.BudgetDecisionDocument);
}
