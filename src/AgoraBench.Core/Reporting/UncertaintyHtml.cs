using System.Globalization;
using System.Net;
using System.Text;

namespace AgoraBench;

/// <summary>
/// The report's uncertainty pieces in HTML: the verdict headline, interval bars of each generator's overall PGR, and the
/// generators × generators matrix of the probability that the row's overall PGR is above the column's.
/// </summary>
internal static class UncertaintyHtml
{
    public const string Style = ".headline{font-size:1.05rem;background:#ebf8ff;border-left:4px solid #3182ce;padding:.5rem .8rem}"
        + "table.matrix td{text-align:center;min-width:4.5rem}table.matrix td.sig{font-weight:bold}";

    public static void Headline(StringBuilder html, PgrReport report)
    {
        if (PgrHeadline.Of(report) is { } headline)
        {
            html.Append("<p class=\"headline\" id=\"verdict\">").Append(E(headline)).Append("</p>");
        }
    }

    public static void IntervalsAndMatrix(StringBuilder html, PgrReport report)
    {
        if (report.Confidence is not double level)
        {
            return;
        }

        string at = ConfidenceLevels.Text(level);
        var rows = report.Generators.Where(g => g.OverallInterval is { IsDefined: true }).ToArray();
        html.Append("<h2 id=\"intervals\">How sure is the ranking</h2>");
        if (rows.Length == 0)
        {
            html.Append("<p class=\"missing\">No interval: ").Append(E(report.Generators.Select(g => g.OverallInterval?.Problem).FirstOrDefault(p => p is not null) ?? "the evaluations list no per-problem outcomes")).Append(".</p>");
            return;
        }

        html.Append("<div class=\"figure\" id=\"interval-bars\">").Append(Bars(rows, at)).Append("<div class=\"caption\">")
            .Append(E($"Overall PGR (dot) with its {at} paired bootstrap interval (bar): problems are resampled together for every model of a benchmark, {rows[0].OverallInterval!.Rounds} times."))
            .Append("</div></div>");
        var names = rows.Select(g => g.Generator).ToArray();
        if (names.Length < 2)
        {
            return;
        }

        html.Append("<table class=\"matrix\"><caption class=\"caption\">").Append(E($"P(row better than column): the share of resamples in which the row's overall PGR is above the column's. Bold: the row's lead holds at {at} (its interval lies above 0)."))
            .Append("</caption><thead><tr><th class=\"name\">A \\ B</th>");
        foreach (string b in names)
        {
            html.Append("<th>").Append(E(b)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (string a in names)
        {
            html.Append("<tr><td class=\"name\">").Append(E(a)).Append("</td>");
            foreach (string b in names)
            {
                if (a == b || report.Compare(a, b) is not { } c)
                {
                    html.Append("<td>–</td>");
                    continue;
                }

                double p = c.ProbabilityBetter;
                string shade = p >= 0.5 ? $"rgba(49,130,206,{(p - 0.5) * 1.4:0.00})" : $"rgba(229,62,62,{(0.5 - p) * 1.4:0.00})";
                html.Append("<td").Append(c.IsSignificantlyBetter ? " class=\"sig\"" : string.Empty).Append(" style=\"background:").Append(shade).Append("\" title=\"")
                    .Append(E(string.Create(CultureInfo.InvariantCulture, $"{a} − {b}: {c.Difference.Estimate:0.0} ({at} interval {c.Difference.Lower:0.0} to {c.Difference.Upper:0.0})")))
                    .Append("\">").Append(p.ToString("0.00", CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>With repeated training: each run's PGR, the training-seed spread and the evaluation-sample spread.</summary>
    public static void Variance(StringBuilder html, PgrReport report)
    {
        var rows = report.Generators
            .SelectMany(g => (g.OverallVariance is { } overall ? new[] { (g.Generator, Scope: "overall", Variance: overall) } : [])
                .Concat(g.Cells.Where(c => c.Variance is not null).Select(c => (g.Generator, Scope: c.Setting.Key, Variance: c.Variance!))))
            .ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        html.Append("<h2 id=\"repeats\">Training seeds and evaluation problems</h2><p class=\"caption\">")
            .Append(E("Each cell's student was trained several times. Seed SD: the spread of one run's PGR across the runs; seed SE: the standard error of their mean; evaluation SD: the spread the benchmark problems alone cause (bootstrap over problems with the runs held fixed). The intervals cover both."))
            .Append("</p><table><thead><tr><th class=\"name\">Generator</th><th class=\"name\">Scope</th><th>Runs</th><th class=\"name\">PGR per run</th><th>Seed SD</th><th>Seed SE</th><th>Evaluation SD</th></tr></thead><tbody>");
        foreach (var (generator, scope, v) in rows)
        {
            html.Append("<tr><td class=\"name\">").Append(E(generator)).Append("</td><td class=\"name\">").Append(E(scope)).Append("</td><td>").Append(v.Repeats)
                .Append("</td><td class=\"name\">").Append(E(string.Join(", ", v.RepeatValues.Select(x => MarkdownTable.Number(x))))).Append("</td><td>")
                .Append(MarkdownTable.Number(v.TrainingSeedSd)).Append("</td><td>").Append(MarkdownTable.Number(v.TrainingSeedStandardError)).Append("</td><td>")
                .Append(MarkdownTable.Number(v.EvaluationSd)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    /// <summary>The budget decision: its verdict and every priced generator with its cost, PGR and interval.</summary>
    public static void Budget(StringBuilder html, BudgetDecision? decision)
    {
        if (decision is null)
        {
            return;
        }

        html.Append("<h2 id=\"budget\">").Append(E(string.Create(CultureInfo.InvariantCulture, $"Within a budget of USD {decision.BudgetUsd:N2}"))).Append("</h2>")
            .Append("<p class=\"headline\">").Append(E(decision.Summary)).Append("</p>")
            .Append("<table><thead><tr><th class=\"name\">Generator</th><th>Instances</th><th>USD</th><th>PGR</th><th>Interval</th><th>Within budget</th></tr></thead><tbody>");
        foreach (var c in decision.Choices)
        {
            html.Append("<tr><td class=\"name\">").Append(E(c.Generator)).Append("</td><td>")
                .Append(c.Instances is int n ? n.ToString("N0", CultureInfo.InvariantCulture) : string.Empty).Append("</td><td>")
                .Append(MarkdownTable.Number(c.Usd)).Append("</td><td>").Append(MarkdownTable.Number(c.Pgr)).Append("</td><td>")
                .Append(E(PgrReportWriter.IntervalText(c.Interval))).Append("</td><td>").Append(c.Affordable ? "yes" : "no").Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (string note in decision.Notes)
        {
            html.Append("<p class=\"caption\">").Append(E(note)).Append("</p>");
        }
    }

    private static string Bars(GeneratorPgr[] rows, string at)
    {
        const int left = 170, width = 460, rowHeight = 28, top = 24;
        double min = Math.Min(0, rows.Min(g => g.OverallInterval!.Lower));
        double max = Math.Max(0, rows.Max(g => g.OverallInterval!.Upper));
        if (max - min < 1e-9)
        {
            max = min + 1;
        }

        double X(double v) => left + ((v - min) / (max - min) * width);
        int height = top + (rows.Length * rowHeight) + 24;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"intervals\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {left + width + 90} {height}\" role=\"img\" aria-label=\"{E("Overall PGR with " + at + " intervals")}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0):0.#}\" y1=\"{top - 8}\" x2=\"{X(0):0.#}\" y2=\"{height - 20}\" stroke=\"#a0aec0\" stroke-dasharray=\"3,3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(min):0.#}\" y=\"{height - 6}\" font-size=\"11\" fill=\"#4a5568\">{min:0.#}</text><text x=\"{X(max):0.#}\" y=\"{height - 6}\" font-size=\"11\" fill=\"#4a5568\" text-anchor=\"end\">{max:0.#}</text>");
        for (int i = 0; i < rows.Length; i++)
        {
            var g = rows[i];
            var ci = g.OverallInterval!;
            double y = top + (i * rowHeight) + (rowHeight / 2.0);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{y + 4:0.#}\" font-size=\"12\" text-anchor=\"end\">{E(g.Generator)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{X(ci.Lower):0.#}\" y=\"{y - 5:0.#}\" width=\"{Math.Max(1, X(ci.Upper) - X(ci.Lower)):0.#}\" height=\"10\" fill=\"#90cdf4\"><title>{E(string.Create(CultureInfo.InvariantCulture, $"{g.Generator}: {g.Overall:0.0} ({at} {ci.Lower:0.0} to {ci.Upper:0.0})"))}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(g.Overall):0.#}\" cy=\"{y:0.#}\" r=\"4\" fill=\"#2b6cb0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + width + 8}\" y=\"{y + 4:0.#}\" font-size=\"11\" fill=\"#4a5568\">{g.Overall:0.0} [{ci.Lower:0.0}, {ci.Upper:0.0}]</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
