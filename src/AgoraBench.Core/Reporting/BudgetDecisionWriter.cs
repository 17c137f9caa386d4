using System.Globalization;
using System.Text.Json;

namespace AgoraBench;

/// <summary>Formats a <see cref="BudgetDecision"/> as a Markdown section or a JSON object.</summary>
public static class BudgetDecisionWriter
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

    /// <summary>Writes the decision as one JSON object at the writer's current position.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="json">The writer.</param>
    public static void WriteJson(BudgetDecision decision, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("budget_usd", decision.BudgetUsd);
        json.WriteString("scope", decision.Domain is { } d ? AgoraBenchNames.ToName(d) : "overall");
        json.WriteString("best", decision.Best?.Generator);
        json.WriteString("runner_up", decision.RunnerUp?.Generator);
        if (decision.ProbabilityBestIsBetter is double p)
        {
            json.WriteNumber("p_best_better", p);
        }
        else
        {
            json.WriteNull("p_best_better");
        }

        if (decision.Difference is { } diff)
        {
            JsonReport.Number(json, "difference", diff.Estimate);
            JsonReport.Number(json, "difference_low", diff.Lower);
            JsonReport.Number(json, "difference_high", diff.Upper);
        }

        json.WriteBoolean("significant", decision.IsSignificant);
        json.WriteString("summary", decision.Summary);
        json.WriteStartArray("choices");
        foreach (var c in decision.Choices)
        {
            json.WriteStartObject();
            json.WriteString("generator", c.Generator);
            if (c.Instances is int n)
            {
                json.WriteNumber("instances", n);
            }

            JsonReport.Number(json, "usd", c.Usd);
            JsonReport.Number(json, "pgr", c.Pgr);
            if (c.Interval is { IsDefined: true } i)
            {
                JsonReport.Number(json, "pgr_low", i.Lower);
                JsonReport.Number(json, "pgr_high", i.Upper);
            }

            json.WriteBoolean("affordable", c.Affordable);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (string note in decision.Notes)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
