using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Reporting;

public partial class AnalysisReportWriterTests
{
    private static readonly Lazy<AgoraBenchAnalysis> Paper = new(() => AgoraBenchAnalyzer.Analyze(PublishedResults.CreateAnalysisInput()));

    [Fact]
    public void Json_HasTheDocumentedKeys()
    {
        using var json = JsonDocument.Parse(AnalysisReportWriter.Json(Paper.Value));
        var root = json.RootElement;

        var first = root.GetProperty("leaderboard")[0];
        Assert.Equal(["generator", "rank", "overall", "methods", "cells"], first.EnumerateObject().Select(p => p.Name));
        Assert.Equal("GPT-4o", first.GetProperty("generator").GetString());
        Assert.Equal(9, first.GetProperty("cells").EnumerateObject().Count());
        Assert.Equal(20.6, first.GetProperty("cells").GetProperty("instance-generation/math").GetDouble());

        foreach (string kind in new[] { "coarse", "fine" })
        {
            var regression = root.GetProperty("regression").GetProperty(kind);
            Assert.Equal(["n", "r2", "p", "slope", "intercept"], regression.EnumerateObject().Select(p => p.Name).Take(5));
        }

        Assert.Equal(0.245, Math.Round(root.GetProperty("regression").GetProperty("coarse").GetProperty("r2").GetDouble(), 3));
        var pca = root.GetProperty("pca");
        Assert.Equal(9, pca.GetProperty("features").GetArrayLength());
        Assert.Equal(9, pca.GetProperty("explained_variance_ratio").GetArrayLength());
        Assert.Equal(9, pca.GetProperty("loadings").GetArrayLength());
        Assert.Equal(9, pca.GetProperty("loadings")[0].GetArrayLength());
        var pcr = root.GetProperty("pc_regression");
        Assert.Equal(5, pcr.GetProperty("components").GetInt32());
        Assert.True(pcr.TryGetProperty("r2", out _) && pcr.TryGetProperty("p", out _));
        var cost = root.GetProperty("cost")[0];
        Assert.Equal(["generator", "usd_per_1m_input", "usd_per_1m_output", "overall", "pgr_per_usd"], cost.EnumerateObject().Select(p => p.Name).Take(5));
        Assert.True(root.GetProperty("findings").GetArrayLength() >= 4);
    }

    [Fact]
    public void Markdown_ShowsTheSameNumbersAsTheJson()
    {
        var analysis = Paper.Value;
        string md = AnalysisReportWriter.Markdown(analysis);
        using var json = JsonDocument.Parse(AnalysisReportWriter.Json(analysis));
        var root = json.RootElement;

        foreach (var generator in root.GetProperty("leaderboard").EnumerateArray())
        {
            Assert.Contains(generator.GetProperty("overall").GetDouble().ToString("F2", CultureInfo.InvariantCulture), md, StringComparison.Ordinal);
        }

        Assert.Contains(root.GetProperty("regression").GetProperty("fine").GetProperty("r2").GetDouble().ToString("F3", CultureInfo.InvariantCulture), md, StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("pc_regression").GetProperty("r2").GetDouble().ToString("F3", CultureInfo.InvariantCulture), md, StringComparison.Ordinal);
        Assert.Contains((100 * root.GetProperty("pca").GetProperty("explained_variance_ratio")[0].GetDouble()).ToString("F1", CultureInfo.InvariantCulture), md, StringComparison.Ordinal);
        foreach (var cost in root.GetProperty("cost").EnumerateArray())
        {
            Assert.Contains(cost.GetProperty("pgr_per_usd").GetDouble().ToString("F4", CultureInfo.InvariantCulture), md, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_ProblemSolvingLegend_ListsDeclaredDomains()
    {
        // Half of the problem-solving points moved to a declared domain "sql": the legend names it beside the paper's.
        var paper = Paper.Value;
        var fine = paper.Fine!;
        var moved = new ProblemSolvingRegression(fine.Kind, fine.Regression, fine.Pearson, fine.Spearman, [.. fine.Points.Select((p, i) => i % 2 == 0 ? p with { Label = p.Label[..(p.Label.LastIndexOf('/') + 1)] + "sql" } : p)]);
        var before = new AgoraBenchAnalysis { Leaderboard = paper.Leaderboard, Options = paper.Options, Coarse = paper.Coarse, Fine = fine };
        var analysis = new AgoraBenchAnalysis { Leaderboard = paper.Leaderboard, Options = paper.Options, Coarse = paper.Coarse, Fine = moved };

        static string[] Legends(string html) => [.. Regex.Matches(html, "<g class=\"legend\">(.*?)</g>", RegexOptions.Singleline).Select(m => m.Groups[1].Value)];

        var paperLegends = Legends(AnalysisReportWriter.Html(before));
        Assert.Contains(paperLegends, l => l.Contains(">math<", StringComparison.Ordinal));
        Assert.DoesNotContain(paperLegends, l => l.Contains(">sql<", StringComparison.Ordinal));
        var legends = Legends(AnalysisReportWriter.Html(analysis));
        Assert.Contains(legends, l => l.Contains(">sql<", StringComparison.Ordinal) && l.Contains(">math<", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_IsSelfContained_WithEveryChart()
    {
        string html = AnalysisReportWriter.Html(Paper.Value);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ExternalReference().Matches(html), m => !m.Value.Contains("www.w3.org/2000/svg", StringComparison.Ordinal));
        foreach (string id in new[] { "heatmap", "scatter-coarse", "scatter-fine", "variance", "loadings", "predicted", "cost" })
        {
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(6 + 54 + 54 + 6, Regex.Count(html, "class=\"point\""));
        Assert.Equal(54 + 45, Regex.Count(html, "class=\"cell\""));
    }

    [ChromiumFact]
    public async Task Html_RendersInHeadlessChromium_WithNonBlankChartsAndNoConsoleErrors()
    {
        using var temp = new TempDirectory();
        var files = await AnalysisReportWriter.WriteAsync(Paper.Value, temp.Path);
        Assert.Equal(AnalysisReportWriter.FileNames.Order(), files.Select(Path.GetFileName).Order());
        string page = new Uri(Path.Combine(temp.Path, "report.html")).AbsoluteUri;

        var (domExit, dom, domLog) = await Chromium.RunAsync("--enable-logging=stderr", "--v=0", "--dump-dom", page);
        Assert.True(domExit == 0, domLog);
        Assert.Equal(7, Regex.Count(dom, "<svg class=\"chart[\" ]"));
        Assert.Equal(6 + 54 + 54 + 6, Regex.Count(dom, "class=\"point\""));
        Assert.DoesNotContain(domLog.Split('\n'), l => l.Contains("CONSOLE", StringComparison.Ordinal) && (l.Contains("ERROR", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)));

        string screenshot = Path.Combine(ArtifactsDirectory(), "report-screenshot.png");
        var (shotExit, _, shotLog) = await Chromium.RunAsync("--window-size=1200,4400", $"--screenshot={screenshot}", page);
        Assert.True(shotExit == 0, shotLog);
        var image = PngImage.Load(screenshot);
        Assert.Equal((1200, 4400), (image.Width, image.Height));

        // Not blank: many colours, and ink in every vertical band where the report has content.
        var colours = new HashSet<uint>();
        int inked = 0;
        for (int y = 0; y < image.Height; y += 2)
        {
            for (int x = 0; x < image.Width; x += 2)
            {
                uint pixel = image.Pixel(x, y);
                colours.Add(pixel);
                if (pixel != 0xFFFFFFFF)
                {
                    inked++;
                }
            }
        }

        Assert.True(colours.Count > 200, $"only {colours.Count} colours in the screenshot");
        Assert.True(inked > 20_000, $"only {inked} non-white sampled pixels");
    }

    private static string ArtifactsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
            {
                string path = Path.Combine(dir.FullName, "artifacts", "test-results");
                Directory.CreateDirectory(path);
                return path;
            }
        }

        return Path.GetTempPath();
    }

    [GeneratedRegex("(?:href|src)\\s*=\\s*\"https?://|https?://[^\"\\s<]+\\.(?:js|css|woff2?|png|jpg|svg)")]
    private static partial Regex ExternalReference();
}
