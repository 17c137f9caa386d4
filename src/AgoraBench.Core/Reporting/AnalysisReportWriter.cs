using System.Globalization;
using System.Net;
using System.Text;

namespace AgoraBench;

/// <summary>
/// Writes an analysis as a folder of files: <c>results.json</c>, <c>report.md</c>, a self-contained
/// <c>report.html</c> (inline CSS and SVG charts, no scripts, fonts or images from elsewhere) and CSV tables.
/// </summary>
/// <remarks>
/// <c>results.json</c> has the keys <c>leaderboard</c>, <c>regression.coarse</c>, <c>regression.fine</c>, <c>pca</c>,
/// <c>pc_regression</c>, <c>cost</c>, plus <c>feature_contributions</c>, <c>budget</c>, <c>findings</c> and
/// <c>diagnostics</c>. A part that could not be computed is <c>null</c> and explained in <c>diagnostics</c>; numbers
/// are never NaN.
/// </remarks>
internal static class AnalysisReportWriter
{
    /// <summary>The files <see cref="WriteAsync"/> writes.</summary>
    internal static IReadOnlyList<string> FileNames { get; } =
        ["results.json", "report.md", "report.html", "leaderboard.csv", "problem_solving_fine.csv", "pca_loadings.csv", "pc_predictions.csv", "cost.csv"];

    /// <summary>Writes the report files into a folder (created when missing); each file is written atomically.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="directory">The output folder.</param>
    /// <param name="title">The report's title.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>The paths written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAsync(AgoraBenchAnalysis analysis, string directory, string title = "AGORABENCH analysis", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Content)[]
        {
            ("results.json", Json(analysis)),
            ("report.md", Markdown(analysis, title)),
            ("report.html", Html(analysis, title)),
            ("leaderboard.csv", PgrReportWriter.ToString(analysis.Leaderboard, PgrReportFormat.Csv)),
            ("problem_solving_fine.csv", PointsCsv(analysis.Fine?.Points, "observation,problem_solving,pgr")),
            ("pca_loadings.csv", LoadingsCsv(analysis.Pca)),
            ("pc_predictions.csv", PointsCsv(analysis.PcRegression?.Points, "observation,predicted_pgr,pgr")),
            ("cost.csv", CostCsv(analysis.Costs)),
        };
        var written = new List<string>();
        foreach (var (name, content) in files)
        {
            string path = Path.Combine(directory, name);
            await AtomicFile.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    /// <summary>Formats the analysis as <c>results.json</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <returns>The JSON text.</returns>
    internal static string Json(AgoraBenchAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return ArtefactJson.Write(AnalysisResultsDocument.From(analysis), ReportJsonContext.Default.AnalysisResultsDocument);
    }

    /// <summary>Formats the analysis as <c>report.md</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="title">The title.</param>
    /// <returns>The Markdown text.</returns>
    public static string Markdown(AgoraBenchAnalysis analysis, string title = "AGORABENCH analysis")
    {
        ArgumentNullException.ThrowIfNull(analysis);
        using var md = new StringWriter(CultureInfo.InvariantCulture);
        md.WriteLine($"# {title}");
        md.WriteLine();
        md.WriteLine("## Key findings");
        md.WriteLine();
        foreach (string finding in AnalysisFindings.Describe(analysis))
        {
            md.WriteLine("- " + finding);
        }

        md.WriteLine();
        md.WriteLine("## Leaderboard (PGR, %)");
        md.WriteLine();
        if (analysis.Leaderboard.Generators.Count == 0)
        {
            md.WriteLine("Not measured: no student has its student, base and reference scores on a benchmark yet.");
        }
        else
        {
            if (PgrHeadline.Of(analysis.Leaderboard) is { } headline)
            {
                md.WriteLine(headline);
                md.WriteLine();
            }

            PgrReportWriter.LeaderboardTable(analysis.Leaderboard, withCellCount: true).WriteTo(md);
            if (PgrReportWriter.ComparisonMatrix(analysis.Leaderboard) is { } matrix)
            {
                md.WriteLine();
                md.WriteLine($"### P(row better than column) over paired bootstrap resamples (* : the lead holds at {ConfidenceLevels.Text(analysis.Leaderboard.Confidence!.Value)})");
                md.WriteLine();
                matrix.WriteTo(md);
            }

            md.WriteLine();
            md.WriteLine("### The scores behind each PGR");
            md.WriteLine();
            var scores = new MarkdownTable(("Generator", false), ("Setting", false), ("Benchmark", false), ("Student", true), ("Base", true), ("Reference", true), ("PGR", true));
            foreach (var cell in analysis.Leaderboard.Generators.SelectMany(g => g.Cells))
            {
                foreach (var b in cell.Benchmarks)
                {
                    scores.AddRow(cell.Generator, cell.Setting.Key, b.Benchmark, N(b.Student, 2), N(b.Base, 2), N(b.Reference, 2), N(b.Value, 2));
                }
            }

            scores.WriteTo(md);
        }

        md.WriteLine();
        md.WriteLine("## Problem-solving ability vs PGR");
        md.WriteLine();
        var regressions = new MarkdownTable(("Analysis", false), ("n", true), ("R²", true), ("p", true), ("Slope", true), ("Intercept", true), ("Pearson r", true), ("Spearman ρ", true));
        foreach (var r in new[] { analysis.Coarse, analysis.Fine })
        {
            if (r is not null)
            {
                regressions.AddRow(r.Kind, r.Regression.N.ToString(CultureInfo.InvariantCulture), N(r.Regression.RSquared, 3), AnalysisFindings.P(r.Regression.PValue), N(r.Regression.Slope, 3), N(r.Regression.Intercept, 2), N(r.Pearson.Coefficient, 3), N(r.Spearman.Coefficient, 3));
            }
        }

        if (analysis.Coarse is null && analysis.Fine is null)
        {
            md.WriteLine("Not measured: " + Why(analysis, "regression.coarse"));
        }
        else
        {
            regressions.WriteTo(md);
        }

        md.WriteLine();
        md.WriteLine("## Intrinsic metrics of the data");
        md.WriteLine();
        if (analysis.IntrinsicMetrics.Count == 0)
        {
            md.WriteLine("Not measured: the plan lists no intrinsic metrics (metrics.names), or none finished.");
        }
        else
        {
            var metrics = new MarkdownTable(("Generator", false), ("Setting", false), ("Metric", false), ("Value", true));
            foreach (var m in analysis.IntrinsicMetrics)
            {
                metrics.AddRow(m.Generator, m.Setting.Key, m.Metric, N(m.Value, 3));
            }

            metrics.WriteTo(md);
        }

        if (analysis.Pca is null)
        {
            md.WriteLine();
            md.WriteLine("## PCA of the intrinsic features");
            md.WriteLine();
            md.WriteLine("Not measured: " + Why(analysis, "pca"));
        }

        if (analysis.Pca is { } pca)
        {
            md.WriteLine();
            md.WriteLine($"## PCA of the intrinsic features (n = {pca.Scores.Count})");
            md.WriteLine();
            int shown = Math.Min(5, pca.Features.Count);
            var columns = new List<(string, bool)> { ("Feature", false) };
            columns.AddRange(Enumerable.Range(1, shown).Select(i => ($"PC{i}", true)));
            var loadings = new MarkdownTable([.. columns]);
            for (int f = 0; f < pca.Features.Count; f++)
            {
                loadings.AddRow([pca.Features[f], .. pca.Loadings[f].Take(shown).Select(v => N(v, 2))]);
            }

            loadings.AddRow(["explained variance (%)", .. pca.ExplainedVarianceRatio.Take(shown).Select(v => N(100 * v, 1))]);
            loadings.WriteTo(md);
        }

        if (analysis.PcRegression is { } pcr)
        {
            md.WriteLine();
            md.WriteLine($"PGR regressed on the first {pcr.Components} components: R² = {N(pcr.Regression.RSquared, 3)}, adjusted R² = {N(pcr.Regression.AdjustedRSquared, 3)}, F-test {AnalysisFindings.Pe(pcr.Regression.PValue)}, predicted-vs-actual {AnalysisFindings.Pe(pcr.PredictionPValue)} (n = {pcr.Regression.N}).");
        }

        if (analysis.Costs.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("## Cost");
            md.WriteLine();
            var cost = new MarkdownTable(("Generator", false), ("$ in / 1M", true), ("$ out / 1M", true), ("Tokens / instance (in + out)", true), ("$ / instance", true), ("$ / study", true), ("Overall PGR", true), ("PGR per $", true));
            foreach (var c in analysis.Costs.OrderByDescending(c => c.PgrPerUsd))
            {
                cost.AddRow(c.Generator, N(c.Price.InputUsdPerMillionTokens, 3), N(c.Price.OutputUsdPerMillionTokens, 3), $"{N(c.InputTokensPerInstance, 0)} + {N(c.OutputTokensPerInstance, 0)}{(c.TokensMeasured ? string.Empty : " (assumed)")}", N(c.UsdPerInstance, 6), N(c.UsdPerStudy, 2), N(c.Overall, 2), N(c.PgrPerUsd, 4));
            }

            cost.WriteTo(md);
        }
        else
        {
            md.WriteLine();
            md.WriteLine("## Cost");
            md.WriteLine();
            md.WriteLine("Not measured: " + Why(analysis, "cost"));
        }

        md.WriteLine();
        md.WriteLine("## Measured spend");
        md.WriteLine();
        if (analysis.Spend.Count == 0)
        {
            md.WriteLine("Not measured: no stage recorded its token usage.");
        }
        else
        {
            var spend = new MarkdownTable(("Stage", false), ("Requests", true), ("Input tokens", true), ("Output tokens", true), ("USD", true));
            foreach (var stage in analysis.Spend.GroupBy(c => c.Stage).OrderBy(g => g.Key).Select(g => (RunStages.ToName(g.Key), g.ToArray())).Append(("total", analysis.Spend.ToArray())))
            {
                var c = stage.Item2;
                spend.AddRow(stage.Item1, c.Sum(x => x.Requests).ToString(CultureInfo.InvariantCulture), c.Sum(x => x.InputTokens).ToString(CultureInfo.InvariantCulture), c.Sum(x => x.OutputTokens).ToString(CultureInfo.InvariantCulture), c.All(x => x.Usd is not null) ? N((double)c.Sum(x => x.Usd!.Value), 4) : "unpriced");
            }

            spend.WriteTo(md);
        }

        if (analysis.Diagnostics.Count > 0)
        {
            md.WriteLine();
            md.WriteLine("## Notes");
            md.WriteLine();
            foreach (var d in analysis.Diagnostics)
            {
                md.WriteLine($"- `{d.Stage}`: {d.Message}");
            }
        }

        return md.ToString();
    }

    /// <summary>Formats the analysis as the self-contained <c>report.html</c>.</summary>
    /// <param name="analysis">The analysis.</param>
    /// <param name="title">The title.</param>
    /// <returns>The HTML text.</returns>
    internal static string Html(AgoraBenchAnalysis analysis, string title = "AGORABENCH analysis")
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title><style>")
            .Append("body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:2rem auto;max-width:1120px;color:#1a202c;padding:0 1rem}")
            .Append("h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #e2e8f0;padding-bottom:.3rem}")
            .Append("table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}th,td{padding:.3rem .6rem;border-bottom:1px solid #e2e8f0;text-align:right}th:first-child,td:first-child,td.name,th.name{text-align:left}")
            .Append(".figure{margin:1rem 0}.figure svg{width:100%;height:auto}.figure svg.heatmap{width:auto;max-width:100%}.caption{color:#4a5568;font-size:.85rem}.findings li{margin:.3rem 0}.missing{color:#4a5568;background:#f7fafc;border-left:3px solid #a0aec0;padding:.4rem .8rem}th{overflow-wrap:anywhere}td{white-space:nowrap}.wide{overflow-x:auto;max-width:100%}")
            .Append(UncertaintyHtml.Style)
            .Append("</style></head><body>");
        html.Append("<h1>").Append(E(title)).Append("</h1>");
        html.Append("<h2 id=\"findings\">Key findings</h2><ul class=\"findings\">");
        foreach (string finding in AnalysisFindings.Describe(analysis))
        {
            html.Append("<li>").Append(E(finding)).Append("</li>");
        }

        html.Append("</ul>");
        var generators = analysis.Leaderboard.Generators;
        var settings = StudySettings(analysis);
        var methods = settings.Select(x => x.Method).Distinct().Order().ToArray();
        html.Append("<h2 id=\"leaderboard\">Leaderboard</h2>");
        UncertaintyHtml.Headline(html, analysis.Leaderboard);
        if (generators.Count == 0)
        {
            NotMeasured(html, "no student has its student, base and reference scores on a benchmark yet.");
        }
        else
        {
            html.Append("<table class=\"leaderboard\"><thead><tr><th>Rank</th><th class=\"name\">Generator</th>");
            foreach (var method in methods)
            {
                html.Append("<th>").Append(E(AgoraBenchNames.ToName(method))).Append("</th>");
            }

            bool intervals = analysis.Leaderboard.Confidence is not null;
            html.Append("<th>Overall</th>");
            if (intervals)
            {
                html.Append("<th>").Append(E(ConfidenceLevels.Text(analysis.Leaderboard.Confidence!.Value))).Append(" interval</th>");
            }

            html.Append("<th>Settings</th></tr></thead><tbody>");
            foreach (var g in generators)
            {
                html.Append("<tr><td>").Append(g.Rank).Append("</td><td class=\"name\">").Append(E(g.Generator)).Append("</td>");
                foreach (var method in methods)
                {
                    html.Append("<td>").Append(g.MethodAverages.TryGetValue(method, out double avg) ? N(avg, 2) : "–").Append("</td>");
                }

                html.Append("<td><b>").Append(N(g.Overall, 2)).Append("</b></td>");
                if (intervals)
                {
                    html.Append("<td>").Append(E(PgrReportWriter.IntervalText(g.OverallInterval))).Append("</td>");
                }

                html.Append("<td>").Append(g.Cells.Count).Append(" of ").Append(settings.Count).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            UncertaintyHtml.IntervalsAndMatrix(html, analysis.Leaderboard);
            UncertaintyHtml.Variance(html, analysis.Leaderboard);
            UncertaintyHtml.Budget(html, analysis.BudgetDecision);
            if (settings.Count > 1)
            {
                Figure(html, "heatmap", SvgChart.Heatmap(
                    "PGR by setting",
                    [.. generators.Select(g => g.Generator)],
                    [.. settings.Select(ShortKey)],
                    (r, c) => generators[r].GetCell(settings[c].Method, settings[c].Domain)?.Value),
                    "PGR (%) of each generator in each setting of the study (IG instance generation, RG response generation, QE quality enhancement; inst. instruction following); blue is positive, red negative, darker is larger.");
            }

            html.Append("<h2 id=\"scores\">The scores behind each PGR</h2><table class=\"scores\"><thead><tr><th class=\"name\">Generator</th><th class=\"name\">Setting</th><th class=\"name\">Benchmark</th><th>Student</th><th>Base</th><th>Reference</th><th>PGR</th></tr></thead><tbody>");
            foreach (var cell in generators.SelectMany(g => g.Cells))
            {
                if (cell.Benchmarks.Count == 0)
                {
                    html.Append("<tr><td class=\"name\">").Append(E(cell.Generator)).Append("</td><td class=\"name\">").Append(E(cell.Setting.Key)).Append("</td><td class=\"name\">–</td><td>–</td><td>–</td><td>–</td><td>").Append(N(cell.Value, 2)).Append("</td></tr>");
                }

                foreach (var b in cell.Benchmarks)
                {
                    html.Append("<tr><td class=\"name\">").Append(E(cell.Generator)).Append("</td><td class=\"name\">").Append(E(cell.Setting.Key)).Append("</td><td class=\"name\">").Append(E(b.Benchmark))
                        .Append("</td><td>").Append(N(b.Student, 2)).Append("</td><td>").Append(N(b.Base, 2)).Append("</td><td>").Append(N(b.Reference, 2)).Append("</td><td>").Append(N(b.Value, 2)).Append("</td></tr>");
                }
            }

            html.Append("</tbody></table><div class=\"caption\">PGR = 100 · (student − base) / (reference − base), per benchmark; a cell's PGR is the mean over its domain's benchmarks.</div>");
        }

        // The legend lists the domains the points are of: the paper's three, then each declared domain.
        var domainNames = DomainNames([.. (analysis.Fine?.Points ?? []).Select(p => p.Label), .. (analysis.PcRegression?.Points ?? []).Select(p => p.Label)]);
        var domainLegend = domainNames.Select((d, i) => (d, SvgChart.Color(i))).ToArray();
        int DomainIndex(string label) => Math.Max(0, domainNames.IndexOf(DomainOf(label)));
        html.Append("<h2 id=\"problem-solving\">Problem-solving ability vs PGR</h2>");
        if (analysis.Coarse is { } coarse)
        {
            Figure(html, "scatter-coarse", SvgChart.Scatter(
                "Problem solving vs overall PGR",
                [.. coarse.Points.Select((p, i) => (p.Label, p.X, p.Y, SvgChart.Color(i)))],
                "problem-solving score (average, %)",
                "overall PGR (%)",
                (coarse.Regression.Slope, coarse.Regression.Intercept)),
                $"One point per generator. OLS fit (dashed): R² = {N(coarse.Regression.RSquared, 3)}, {AnalysisFindings.Pe(coarse.Regression.PValue)}.");
            if (analysis.Fine is { } fine)
            {
                Figure(html, "scatter-fine", SvgChart.Scatter(
                    "Problem solving vs PGR per setting",
                    [.. fine.Points.Select(p => (p.Label, p.X, p.Y, SvgChart.Color(DomainIndex(p.Label))))],
                    "problem-solving score on the domain's benchmarks (%)",
                    "setting PGR (%)",
                    (fine.Regression.Slope, fine.Regression.Intercept),
                    legend: domainLegend),
                    $"One point per generator and setting, coloured by domain. R² = {N(fine.Regression.RSquared, 3)}, {AnalysisFindings.Pe(fine.Regression.PValue)}.");
            }
        }
        else
        {
            NotMeasured(html, Why(analysis, "regression.coarse"));
        }

        html.Append("<h2 id=\"metrics\">Intrinsic metrics of the data</h2>");
        if (analysis.IntrinsicMetrics.Count > 0)
        {
            var names = analysis.IntrinsicMetrics.Select(m => m.Metric).Distinct(StringComparer.Ordinal).ToArray();
            html.Append("<div class=\"wide\"><table class=\"metrics\"><thead><tr><th class=\"name\">Generator</th><th class=\"name\">Setting</th>");
            foreach (string name in names)
            {
                html.Append("<th>").Append(E(name)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var group in analysis.IntrinsicMetrics.GroupBy(m => (m.Generator, m.Setting)))
            {
                html.Append("<tr><td class=\"name\">").Append(E(group.Key.Generator)).Append("</td><td class=\"name\">").Append(E(ShortKey(group.Key.Setting))).Append("</td>");
                foreach (string name in names)
                {
                    html.Append("<td>").Append(group.FirstOrDefault(m => m.Metric == name) is { } m ? N(m.Value, 3) : "–").Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table></div><div class=\"caption\">Settings: IG instance generation, RG response generation, QE quality enhancement; inst. instruction following.</div>");
        }
        else
        {
            NotMeasured(html, "the plan lists no intrinsic metrics (metrics.names), or none finished.");
        }

        html.Append("<h2 id=\"pca\">What explains PGR: PCA of the intrinsic features</h2>");
        if (analysis.Pca is { } pca)
        {
            var ratios = pca.ExplainedVarianceRatio.Select(v => 100 * v).ToArray();
            var cumulative = ratios.Select((_, i) => ratios.Take(i + 1).Sum()).ToArray();
            Figure(html, "variance", SvgChart.Bars(
                "Explained variance",
                [.. Enumerable.Range(1, ratios.Length).Select(i => "PC" + i)],
                ratios,
                "explained variance (%)",
                cumulative),
                "Share of the standardised features' variance per component (bars) and cumulative (line).");
            int shown = Math.Min(5, pca.Features.Count);
            Figure(html, "loadings", SvgChart.Heatmap(
                "Loadings",
                pca.Features,
                [.. Enumerable.Range(1, shown).Select(i => "PC" + i)],
                (r, c) => pca.Loadings[r][c],
                decimals: 2),
                "Weight of each feature in each component (sign fixed so the largest loading is positive).");
            if (analysis.PcRegression is { } pcr)
            {
                Figure(html, "predicted", SvgChart.Scatter(
                    "Predicted vs actual PGR",
                    [.. pcr.Points.Select(p => (p.Label, p.X, p.Y, SvgChart.Color(DomainIndex(p.Label))))],
                    $"PGR predicted from PC1–PC{pcr.Components} (%)",
                    "actual PGR (%)",
                    identityLine: true,
                    legend: domainLegend),
                    $"R² = {N(pcr.Regression.RSquared, 3)}; F-test {AnalysisFindings.Pe(pcr.Regression.PValue)}; predicted-vs-actual {AnalysisFindings.Pe(pcr.PredictionPValue)}. The line is y = x; points are coloured by domain.");
            }
            else
            {
                NotMeasured(html, "PGR on the components: " + Why(analysis, "pc_regression"));
            }
        }
        else
        {
            NotMeasured(html, Why(analysis, "pca"));
        }

        html.Append("<h2 id=\"cost\">Cost</h2>");
        if (analysis.Costs.Count > 0)
        {
            Figure(html, "cost", SvgChart.Scatter(
                "Cost vs PGR",
                [.. analysis.Costs.Select((c, i) => (c.Generator, c.UsdPerStudy, c.Overall, SvgChart.Color(i)))],
                analysis.Costs.All(c => c.UsdPerStudy > 0) ? "cost of a study (USD, log scale)" : "cost of a study (USD)",
                "overall PGR (%)",
                logX: analysis.Costs.All(c => c.UsdPerStudy > 0)),
                "Each generator's overall PGR against what its data costs" + (analysis.Costs.Any(c => !c.TokensMeasured) ? " (token counts assumed where none were recorded)." : "."));
            html.Append("<table class=\"cost\"><thead><tr><th class=\"name\">Generator</th><th>$ in / 1M</th><th>$ out / 1M</th><th>$ / instance</th><th>$ / study</th><th>Overall PGR</th><th>PGR per $</th></tr></thead><tbody>");
            foreach (var c in analysis.Costs.OrderByDescending(c => c.PgrPerUsd))
            {
                html.Append("<tr><td class=\"name\">").Append(E(c.Generator)).Append("</td><td>").Append(N(c.Price.InputUsdPerMillionTokens, 3))
                    .Append("</td><td>").Append(N(c.Price.OutputUsdPerMillionTokens, 3)).Append("</td><td>").Append(N(c.UsdPerInstance, 6))
                    .Append("</td><td>").Append(N(c.UsdPerStudy, 2)).Append("</td><td>").Append(N(c.Overall, 2)).Append("</td><td>").Append(N(c.PgrPerUsd, 4)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }
        else
        {
            NotMeasured(html, Why(analysis, "cost"));
        }

        html.Append("<h2 id=\"spend\">Measured spend</h2>");
        if (analysis.Spend.Count > 0)
        {
            html.Append("<table class=\"spend\"><thead><tr><th class=\"name\">Stage</th><th>Requests</th><th>Input tokens</th><th>Output tokens</th><th>USD</th></tr></thead><tbody>");
            foreach (var stage in analysis.Spend.GroupBy(c => c.Stage).OrderBy(g => g.Key))
            {
                html.Append("<tr><td class=\"name\">").Append(E(RunStages.ToName(stage.Key))).Append("</td>");
                SpendCells(html, [.. stage]);
            }

            html.Append("<tr class=\"total\"><td class=\"name\"><b>total</b></td>");
            SpendCells(html, analysis.Spend);
            html.Append("</tbody></table><div class=\"caption\">Tokens and dollars the endpoints reported for the requests this run made (generation, intrinsic metrics, evaluation); \"unpriced\" where a model has no price and is not self-hosted.</div>");
        }
        else
        {
            NotMeasured(html, "no stage recorded its token usage.");
        }

        if (analysis.Diagnostics.Count > 0)
        {
            html.Append("<h2 id=\"notes\">Notes</h2><ul>");
            foreach (var d in analysis.Diagnostics)
            {
                html.Append("<li><code>").Append(E(d.Stage)).Append("</code>: ").Append(E(d.Message)).Append("</li>");
            }

            html.Append("</ul>");
        }

        html.Append("<p class=\"caption\">Generated by AgoraBench.Core. AGORABENCH: Kim et al., ACL 2025 (arXiv:2412.03679).</p></body></html>\n");
        return html.ToString();
    }

    /// <summary>The settings the study has cells in, in the paper's order (declared domains after the paper's, by name).</summary>
    private static List<AgoraBenchSetting> StudySettings(AgoraBenchAnalysis analysis) =>
        [.. analysis.Leaderboard.Generators.SelectMany(g => g.Cells).Select(c => c.Setting).Distinct().OrderBy(s => s.Method).ThenBy(s => s.Domain)];

    private static void NotMeasured(StringBuilder html, string why) =>
        html.Append("<p class=\"missing\"><b>Not measured</b>: ").Append(E(why)).Append("</p>");

    /// <summary>Why a part is missing, from the analysis' own diagnostics.</summary>
    private static string Why(AgoraBenchAnalysis analysis, string stage)
    {
        var reasons = analysis.Diagnostics.Where(d => d.Stage == stage).Select(d => d.Message.StartsWith("skipped: ", StringComparison.Ordinal) ? d.Message[9..] : d.Message).ToArray();
        return reasons.Length > 0 ? string.Join("; ", reasons) + "." : "its inputs are missing.";
    }

    private static void SpendCells(StringBuilder html, IReadOnlyList<RunCost> costs)
    {
        html.Append("<td>").Append(costs.Sum(c => c.Requests).ToString("N0", CultureInfo.InvariantCulture))
            .Append("</td><td>").Append(costs.Sum(c => c.InputTokens).ToString("N0", CultureInfo.InvariantCulture))
            .Append("</td><td>").Append(costs.Sum(c => c.OutputTokens).ToString("N0", CultureInfo.InvariantCulture))
            .Append("</td><td>").Append(costs.All(c => c.Usd is not null) ? N((double)costs.Sum(c => c.Usd!.Value), 4) : "unpriced").Append("</td></tr>");
    }

    private static string ShortKey(AgoraBenchSetting setting) =>
        (setting.Method switch { GenerationMethod.InstanceGeneration => "IG", GenerationMethod.ResponseGeneration => "RG", _ => "QE" })
        + " " + (setting.Domain.Ordinal switch { 0 => "math", 1 => "code", 2 => "inst.", _ => setting.Domain.Name });

    // A point's label ends with its setting key, method/domain.
    private static string DomainOf(string label) => label[(label.LastIndexOf('/') + 1)..];

    private static List<string> DomainNames(IEnumerable<string> labels)
    {
        var present = labels.Select(DomainOf).ToHashSet(StringComparer.Ordinal);
        var paper = AgoraBenchSettings.Domains.Select(AgoraBenchNames.ToName).ToList();
        var declared = present.Where(d => !paper.Contains(d)).Order(StringComparer.Ordinal);
        return [.. paper.Where(d => present.Count == 0 || present.Contains(d)), .. declared];
    }

    private static void Figure(StringBuilder html, string id, string svg, string caption) =>
        html.Append("<div class=\"figure\" id=\"").Append(id).Append("\">").Append(svg).Append("<div class=\"caption\">").Append(E(caption)).Append("</div></div>");

    private static string PointsCsv(IReadOnlyList<AnalysisPoint>? points, string header)
    {
        var csv = new StringBuilder().AppendLine(header);
        foreach (var p in points ?? [])
        {
            csv.Append(Csv(p.Label)).Append(',').Append(R(p.X)).Append(',').Append(R(p.Y)).AppendLine();
        }

        return csv.ToString();
    }

    private static string LoadingsCsv(PcaResult? pca)
    {
        var csv = new StringBuilder();
        if (pca is null)
        {
            return csv.AppendLine("feature").ToString();
        }

        csv.Append("feature");
        for (int k = 1; k <= pca.Eigenvalues.Count; k++)
        {
            csv.Append(",PC").Append(k);
        }

        csv.AppendLine();
        for (int f = 0; f < pca.Features.Count; f++)
        {
            csv.Append(Csv(pca.Features[f]));
            foreach (double v in pca.Loadings[f])
            {
                csv.Append(',').Append(R(v));
            }

            csv.AppendLine();
        }

        csv.Append("explained_variance_ratio");
        foreach (double v in pca.ExplainedVarianceRatio)
        {
            csv.Append(',').Append(R(v));
        }

        return csv.AppendLine().ToString();
    }

    private static string CostCsv(IReadOnlyList<GeneratorCost> costs)
    {
        var csv = new StringBuilder().AppendLine("generator,usd_per_1m_input,usd_per_1m_output,input_tokens_per_instance,output_tokens_per_instance,tokens_measured,usd_per_instance,usd_per_setting,usd_per_study,overall,pgr_per_usd");
        foreach (var c in costs)
        {
            csv.AppendJoin(',', Csv(c.Generator), R(c.Price.InputUsdPerMillionTokens), R(c.Price.OutputUsdPerMillionTokens), R(c.InputTokensPerInstance), R(c.OutputTokensPerInstance), c.TokensMeasured ? "true" : "false", R(c.UsdPerInstance), R(c.UsdPerSetting), R(c.UsdPerStudy), R(c.Overall), R(c.PgrPerUsd)).AppendLine();
        }

        return csv.ToString();
    }

    private static string N(double value, int decimals) => AnalysisFindings.N(value, decimals);

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Csv(string text) => CsvCell.Field(text);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
