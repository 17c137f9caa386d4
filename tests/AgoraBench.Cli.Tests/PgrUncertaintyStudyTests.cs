using System.Globalization;
using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// Issue 18's acceptance: a loopback study whose per-problem outcomes are set by <c>study_fake.py</c>; every interval
/// the run reports contains its point estimate, and the widths agree within 15% with a paired bootstrap this test
/// computes itself from the evaluation results.
/// </summary>
public sealed class PgrUncertaintyStudyTests
{
    private const int Rounds = 4000;

    [StudyFakeFact]
    public async Task Study_IntervalsContainTheirEstimates_AndMatchAnIndependentPairedBootstrap()
    {
        await using var fake = await StudyFake.StartAsync("--spread", "hash");
        string run = Path.Combine(fake.Root, "run");

        var result = await CliRunner.RunAsync("run", "--plan", fake.WritePlan(fake.Plan()), "--run-dir", run);
        Assert.True(result.ExitCode == 0, result.Error + result.Output);

        // pgr.csv keeps its columns and adds the interval last, on every row.
        string[] lines = File.ReadAllLines(Path.Combine(run, "pgr", "pgr.csv"));
        Assert.Equal("generator,rank,level,method,domain,benchmark,pgr,student,base,reference,pgr_low,pgr_high", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(["overall", "method", "setting", "benchmark"], rows.Select(r => r[2]).Distinct());
        foreach (var row in rows)
        {
            double pgr = D(row[6]), low = D(row[10]), high = D(row[11]);
            Assert.True(low <= pgr && pgr <= high, $"{string.Join(',', row)}: the interval does not contain the estimate");
        }

        // The independent reference: each model's 0/1 outcome per problem, read from the evaluation results.
        var outcomes = Directory.GetFiles(run, "gsm8k.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement)
            .ToDictionary(
                e => e.GetProperty("model").GetString()!,
                e => e.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("correct").GetBoolean() ? 1.0 : 0.0));
        var ids = outcomes["base-model"].Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(StudyFake.Problems, ids.Length);
        double[] Column(string model) => [.. ids.Select(id => outcomes[model][id])];
        var baseModel = Column("base-model");
        var reference = Column("reference-model");
        var a = Column("student-gen-a-instance-generation-math");
        var b = Column("student-gen-b-instance-generation-math");
        var (aWidth, bWidth, differenceWidth, pABetter) = ReferenceBootstrap(a, b, baseModel, reference);

        double Width(string generator, string level) =>
            rows.Where(r => r[0] == generator && r[2] == level).Select(r => D(r[11]) - D(r[10])).Single();
        foreach (string level in new[] { "benchmark", "setting", "method", "overall" })
        {
            AssertWithin15Percent(aWidth, Width("gen-a", level), $"gen-a {level}");
            AssertWithin15Percent(bWidth, Width("gen-b", level), $"gen-b {level}");
        }

        // The pairwise difference and P(A beats B), from the same resamples.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "pgr", "pgr.json")));
        var comparison = json.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("a").GetString() == "gen-a");
        AssertWithin15Percent(differenceWidth, comparison.GetProperty("high").GetDouble() - comparison.GetProperty("low").GetDouble(), "gen-a − gen-b");
        Assert.InRange(comparison.GetProperty("p_a_better").GetDouble(), pABetter - 0.03, pABetter + 0.03);

        // The report carries the interval bars, the matrix and a verdict.
        string html = File.ReadAllText(Path.Combine(run, "report", "report.html"));
        Assert.Contains("<svg class=\"intervals\"", html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"matrix\">", html, StringComparison.Ordinal);
        Assert.Contains("id=\"verdict\"", html, StringComparison.Ordinal);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "report", "results.json")));
        Assert.Equal(2, results.RootElement.GetProperty("uncertainty").GetProperty("comparisons").GetArrayLength());

        await AssertRendersInChromiumAsync(Path.Combine(run, "report", "report.html"), json.RootElement);
    }

    /// <summary>
    /// The report as a browser draws it: one interval bar and one estimate dot per generator, the matrix with both
    /// generators' probabilities (each the complement of the other), and the headline; skipped without Chromium
    /// unless CI requires it.
    /// </summary>
    private static async Task AssertRendersInChromiumAsync(string page, JsonElement pgr)
    {
        if (Chromium.Path is null)
        {
            Assert.True(Environment.GetEnvironmentVariable("AGORABENCH_REQUIRE_CHROMIUM") != "1", "Chromium is required here but not installed.");
            return;
        }

        var (exit, dom, log) = await Chromium.RunAsync("--dump-dom", new Uri(page).AbsoluteUri);
        Assert.True(exit == 0, log);
        string bars = Between(dom, "<svg class=\"intervals\"", "</svg>");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(bars, "<rect class=\"bar\""));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(bars, "<circle "));
        string matrix = Between(dom, "<table class=\"matrix\">", "</table>");
        var probabilities = System.Text.RegularExpressions.Regex.Matches(matrix, @">(0\.\d\d|1\.00)</td>").Select(m => D(m.Groups[1].Value)).ToArray();
        Assert.Equal(2, probabilities.Length);
        Assert.Equal(1.0, probabilities.Sum(), 2);
        double pA = pgr.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("a").GetString() == "gen-a").GetProperty("p_a_better").GetDouble();
        Assert.Contains(Math.Round(pA, 2), probabilities);

        // The headline names a generator as the winner only when its lead over the other holds at the level.
        string headline = Between(dom, "id=\"verdict\">", "</p>");
        bool significant = pgr.GetProperty("comparisons").EnumerateArray().Any(c => c.GetProperty("low").GetDouble() > 0 || c.GetProperty("high").GetDouble() < 0);
        Assert.Equal(significant, !headline.Contains("tied", StringComparison.OrdinalIgnoreCase));

        string screenshot = Path.Combine(Path.GetDirectoryName(page)!, "report.png");
        var (shotExit, _, shotLog) = await Chromium.RunAsync("--window-size=1200,3000", $"--screenshot={screenshot}", new Uri(page).AbsoluteUri);
        Assert.True(shotExit == 0 && new FileInfo(screenshot).Length > 20_000, shotLog);
    }

    private static string Between(string text, string start, string end)
    {
        int from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not in the rendered page");
        int to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }

    /// <summary>A plain paired bootstrap over problems with its own generator (SplitMix64) and nearest-rank percentiles.</summary>
    private static (double A, double B, double Difference, double PABetter) ReferenceBootstrap(double[] a, double[] b, double[] baseModel, double[] reference)
    {
        int n = a.Length;
        var random = new SplitMix64(0x9E3779B97F4A7C15UL);
        int Next() => random.Next(n);

        var pa = new List<double>();
        var pb = new List<double>();
        var diff = new List<double>();
        double better = 0;
        for (int r = 0; r < Rounds; r++)
        {
            double sa = 0, sb = 0, s0 = 0, sr = 0;
            for (int i = 0; i < n; i++)
            {
                int k = Next();
                sa += a[k];
                sb += b[k];
                s0 += baseModel[k];
                sr += reference[k];
            }

            if (sr == s0)
            {
                continue;
            }

            double ga = 100 * (sa - s0) / (sr - s0), gb = 100 * (sb - s0) / (sr - s0);
            pa.Add(ga);
            pb.Add(gb);
            diff.Add(ga - gb);
            better += ga > gb ? 1 : ga == gb ? 0.5 : 0;
        }

        static double Width(List<double> values)
        {
            values.Sort();
            double Rank(double q) => values[Math.Clamp((int)Math.Ceiling(q * values.Count) - 1, 0, values.Count - 1)];
            return Rank(0.975) - Rank(0.025);
        }

        return (Width(pa), Width(pb), Width(diff), better / diff.Count);
    }

    private static void AssertWithin15Percent(double expected, double actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 0.15 * expected, $"{what}: width {actual:0.###} vs independent {expected:0.###}");

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
