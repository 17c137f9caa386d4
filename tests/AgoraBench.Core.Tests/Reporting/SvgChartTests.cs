using System.Text.RegularExpressions;

namespace AgoraBench.Tests.Reporting;

public sealed class SvgChartTests
{
    [Theory]
    [InlineData(0.0213, 0.0251)]
    [InlineData(9.9, 11.2)]
    [InlineData(150, 180)]
    public void ALogAxisWithinOneDecade_StillGetsSeveralLabelledTicks_InsideTheRange(double lo, double hi)
    {
        var ticks = SvgChart.LogTicks(Math.Log10(lo), Math.Log10(hi)).ToArray();

        Assert.InRange(ticks.Length, 2, 8);
        Assert.All(ticks, t => Assert.InRange(t.Position, Math.Log10(lo) - 1e-9, Math.Log10(hi) + 1e-9));
        Assert.Equal(ticks.Length, ticks.Select(t => t.Label).Distinct().Count());
    }

    [Fact]
    public void ACostScatterAtASmallSpread_HasXTicks_AndALegendWithEveryGenerator()
    {
        string svg = SvgChart.Scatter("Cost vs PGR", [("gen-a", 0.0213, 12.5, SvgChart.Color(0)), ("gen-b", 0.0251, 30.0, SvgChart.Color(1))], "cost (USD, log scale)", "PGR (%)", logX: true);

        var xLabels = Regex.Matches(svg, "text-anchor=\"middle\">([^<]+)</text>").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(xLabels.Length >= 2, svg);
        Assert.Contains("0.022", xLabels);
        Assert.Contains("<title>gen-a</title>gen-a", svg, StringComparison.Ordinal);
        Assert.Contains("<title>gen-b</title>gen-b", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.001, 2, "0.00")]
    [InlineData(-0.004, 1, "0.0")]
    [InlineData(2.345, 2, "2.35")]
    [InlineData(-1.5, 0, "-2")]
    public void Numbers_AreRoundedTheSameWayEverywhere_AndNeverMinusZero(double value, int decimals, string expected) =>
        Assert.Equal(expected, AnalysisFindings.N(value, decimals));

    [Fact]
    public void TickLabels_NeverShowMinusZero()
    {
        Assert.Equal("0", SvgChart.Label(-1e-12, 5));
        string[] labels = [.. SvgChart.Ticks(-0.31, 0.29).Select(t => SvgChart.Label(t, SvgChart.Step(-0.31, 0.29)))];
        Assert.Contains("0.0", labels);
        Assert.DoesNotContain(labels, l => l.StartsWith("-0", StringComparison.Ordinal) && l.TrimStart('-').Trim('0', '.').Length == 0);
        Assert.Equal(labels.Length, labels.Distinct().Count());
    }
}
