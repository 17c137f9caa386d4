using System.Globalization;
using System.Net;
using System.Text;

namespace AgoraBench;

/// <summary>Small, dependency-free SVG charts for the self-contained HTML report.</summary>
internal static class SvgChart
{
    public const string Positive = "#2b6cb0";
    public const string Negative = "#c53030";
    private static readonly string[] Palette = ["#2b6cb0", "#dd6b20", "#38a169", "#805ad5", "#d53f8c", "#319795", "#b7791f", "#4a5568"];

    public static string Color(int i) => Palette[i % Palette.Length];

    /// <summary>A scatter plot with ticks on both axes and a legend of the point colours (labels never drawn over the plot).</summary>
    public static string Scatter(
        string title,
        IReadOnlyList<(string Label, double X, double Y, string Color)> points,
        string xLabel,
        string yLabel,
        (double Slope, double Intercept)? line = null,
        bool identityLine = false,
        bool logX = false,
        IReadOnlyList<(string Label, string Color)>? legend = null)
    {
        legend ??= [.. points.Select(p => (p.Label, p.Color)).Distinct()];
        const int Width = 1000, Height = 440, Left = 72, Top = 36, Bottom = 56, LegendWidth = 220;
        int right = legend.Count > 0 ? LegendWidth : 24;
        double Tx(double x) => logX ? Math.Log10(x) : x;
        var xs = points.Select(p => Tx(p.X)).ToArray();
        var ys = points.Select(p => p.Y).ToList();
        if (identityLine)
        {
            ys.AddRange(xs);
        }

        var (x0, x1) = Range(xs);
        var (y0, y1) = Range(ys);
        if (identityLine)
        {
            (x0, x1) = (Math.Min(x0, y0), Math.Max(x1, y1));
            (y0, y1) = (x0, x1);
        }

        double Px(double x) => Left + ((Tx(x) - x0) / (x1 - x0) * (Width - Left - right));
        double PxRaw(double tx) => Left + ((tx - x0) / (x1 - x0) * (Width - Left - right));
        double Py(double y) => Height - Bottom - ((y - y0) / (y1 - y0) * (Height - Top - Bottom));

        var svg = Start(title, Width, Height);
        Axes(svg, Width, Height, Left, right, Top, Bottom, x0, x1, y0, y1, xLabel, yLabel, logX);
        if (line is var (slope, intercept))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"fit\" x1=\"{F(PxRaw(x0))}\" y1=\"{F(Py(intercept + (slope * x0)))}\" x2=\"{F(PxRaw(x1))}\" y2=\"{F(Py(intercept + (slope * x1)))}\" stroke=\"#718096\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }

        if (identityLine)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"identity\" x1=\"{F(PxRaw(x0))}\" y1=\"{F(Py(x0))}\" x2=\"{F(PxRaw(x1))}\" y2=\"{F(Py(x1))}\" stroke=\"#a0aec0\" stroke-width=\"1.5\"/>");
        }

        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{F(Px(p.X))}\" cy=\"{F(Py(p.Y))}\" r=\"6\" fill=\"{p.Color}\" fill-opacity=\"0.85\"><title>{E(p.Label)}: ({F(p.X, 4)}, {F(p.Y)})</title></circle>");
        }

        Legend(svg, Width - right + 16, Top, legend);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A legend: one coloured dot and a label per entry, labels shortened to fit (the full text in a tooltip).</summary>
    private static void Legend(StringBuilder svg, int x, int top, IReadOnlyList<(string Label, string Color)> entries)
    {
        const int MaxChars = 26, MaxEntries = 16;
        svg.Append("<g class=\"legend\">");
        for (int i = 0; i < Math.Min(entries.Count, MaxEntries); i++)
        {
            var (label, color) = entries[i];
            int y = top + 8 + (i * 20);
            string shown = label.Length > MaxChars ? label[..(MaxChars - 1)] + "…" : label;
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x + 6}\" cy=\"{y}\" r=\"6\" fill=\"{color}\"/><text x=\"{x + 18}\" y=\"{y + 4}\" font-size=\"12\" fill=\"#2d3748\"><title>{E(label)}</title>{E(shown)}</text>");
        }

        if (entries.Count > MaxEntries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top + 12 + (MaxEntries * 20)}\" font-size=\"12\" fill=\"#4a5568\">and {entries.Count - MaxEntries} more</text>");
        }

        svg.Append("</g>");
    }

    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yLabel, IReadOnlyList<double>? cumulative = null)
    {
        const int Width = 1000, Height = 380, Left = 72, Right = 24, Top = 36, Bottom = 56;
        double y1 = Math.Max(values.DefaultIfEmpty(0).Max(), cumulative?.DefaultIfEmpty(0).Max() ?? 0);
        y1 = y1 <= 0 ? 1 : y1 * 1.1;
        double Py(double y) => Height - Bottom - (y / y1 * (Height - Top - Bottom));
        double slot = (double)(Width - Left - Right) / Math.Max(1, values.Count);
        var svg = Start(title, Width, Height);
        Axes(svg, Width, Height, Left, Right, Top, Bottom, 0, 1, 0, y1, string.Empty, yLabel, false, xTicks: false);
        for (int i = 0; i < values.Count; i++)
        {
            double x = Left + (i * slot) + (slot * 0.15);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F(x)}\" y=\"{F(Py(values[i]))}\" width=\"{F(slot * 0.7)}\" height=\"{F(Py(0) - Py(values[i]))}\" fill=\"{Positive}\"><title>{E(labels[i])}: {F(values[i])}</title></rect>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (slot * 0.35))}\" y=\"{F(Py(values[i]) - 4)}\" font-size=\"11\" text-anchor=\"middle\">{F(values[i], 1)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (slot * 0.35))}\" y=\"{Height - Bottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{E(labels[i])}</text>");
        }

        if (cumulative is not null && cumulative.Count == values.Count)
        {
            var path = string.Join(" ", cumulative.Select((c, i) => $"{(i == 0 ? "M" : "L")}{F(Left + (i * slot) + (slot / 2))},{F(Py(c))}"));
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"cumulative\" d=\"{path}\" fill=\"none\" stroke=\"#dd6b20\" stroke-width=\"2\"/>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Heatmap(string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, Func<int, int, double?> value, int decimals = 1)
    {
        const int CellWidth = 78, CellHeight = 28, Top = 64;
        int left = 24 + (rows.Max(r => r.Length) * 7);
        int width = left + (columns.Count * CellWidth) + 16;
        int height = Top + (rows.Count * CellHeight) + 16;
        double max = 1e-9;
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                if (value(r, c) is double v)
                {
                    max = Math.Max(max, Math.Abs(v));
                }
            }
        }

        var svg = Start(title, width, height, "chart heatmap");
        for (int c = 0; c < columns.Count; c++)
        {
            double x = left + (c * CellWidth) + (CellWidth / 2.0);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{Top - 8}\" font-size=\"11\" text-anchor=\"start\" transform=\"rotate(-35 {F(x)} {Top - 8})\">{E(columns[c])}</text>");
        }

        for (int r = 0; r < rows.Count; r++)
        {
            double y = Top + (r * CellHeight);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{F(y + 18)}\" font-size=\"12\" text-anchor=\"end\">{E(rows[r])}</text>");
            for (int c = 0; c < columns.Count; c++)
            {
                double x = left + (c * CellWidth);
                var v = value(r, c);
                string fill = v is double d ? Shade(d / max) : "#edf2f7";
                string text = v is double t ? F(t, decimals) : "–";
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"cell\" x=\"{x}\" y=\"{F(y)}\" width=\"{CellWidth - 2}\" height=\"{CellHeight - 2}\" fill=\"{fill}\"><title>{E(rows[r])} · {E(columns[c])}: {text}</title></rect>");
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + (CellWidth / 2)}\" y=\"{F(y + 18)}\" font-size=\"12\" text-anchor=\"middle\" fill=\"{(v is double a && Math.Abs(a / max) > 0.55 ? "#fff" : "#1a202c")}\">{text}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shade(double t)
    {
        t = Math.Clamp(t, -1, 1);
        var (r, g, b) = t >= 0 ? (43, 108, 176) : (197, 48, 48);
        double a = Math.Abs(t);
        int Mix(int c) => (int)Math.Round(255 + ((c - 255) * a));
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}");
    }

    private static StringBuilder Start(string title, int width, int height, string cssClass = "chart") =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg class=\"{cssClass}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\"><title>{E(title)}</title><rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");

    private static void Axes(StringBuilder svg, int width, int height, int left, int right, int top, int bottom, double x0, double x1, double y0, double y1, string xLabel, string yLabel, bool logX, bool xTicks = true)
    {
        int plotBottom = height - bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{plotBottom}\" x2=\"{width - right}\" y2=\"{plotBottom}\" stroke=\"#4a5568\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{plotBottom}\" stroke=\"#4a5568\"/>");
        foreach (double t in Ticks(y0, y1))
        {
            double y = plotBottom - ((t - y0) / (y1 - y0) * (plotBottom - top));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(y)}\" x2=\"{width - right}\" y2=\"{F(y)}\" stroke=\"#edf2f7\"/><text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\">{Label(t, Step(y0, y1))}</text>");
        }

        if (xTicks)
        {
            foreach (var (t, label) in logX ? LogTicks(x0, x1) : Ticks(x0, x1).Select(t => (t, Label(t, Step(x0, x1)))))
            {
                double x = left + ((t - x0) / (x1 - x0) * (width - left - right));
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(x)}\" y1=\"{plotBottom}\" x2=\"{F(x)}\" y2=\"{plotBottom + 5}\" stroke=\"#4a5568\"/><text x=\"{F(x)}\" y=\"{plotBottom + 18}\" font-size=\"11\" text-anchor=\"middle\">{label}</text>");
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(left + width - right) / 2}\" y=\"{height - 12}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#2d3748\">{E(xLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"16\" y=\"{(top + plotBottom) / 2}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#2d3748\" transform=\"rotate(-90 16 {(top + plotBottom) / 2})\">{E(yLabel)}</text>");
    }

    private static (double, double) Range(IEnumerable<double> values)
    {
        var list = values.Where(double.IsFinite).ToArray();
        if (list.Length == 0)
        {
            return (0, 1);
        }

        double lo = list.Min(), hi = list.Max();
        double pad = hi > lo ? (hi - lo) * 0.08 : Math.Max(1, Math.Abs(hi) * 0.1);
        return (lo - pad, hi + pad);
    }

    /// <summary>A "nice" tick step (1, 2 or 5 times a power of ten) giving at most seven ticks over the range.</summary>
    internal static double Step(double lo, double hi)
    {
        double span = hi > lo ? hi - lo : 1;
        double step = Math.Pow(10, Math.Floor(Math.Log10(span / 7)));
        foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (span / (step * m) <= 7)
            {
                return step * m;
            }
        }

        return step * 10;
    }

    internal static IEnumerable<double> Ticks(double lo, double hi)
    {
        double step = Step(lo, hi);
        long first = (long)Math.Ceiling((lo / step) - 1e-9), last = (long)Math.Floor((hi / step) + 1e-9);
        for (long k = first; k <= last; k++)
        {
            yield return k * step;
        }
    }

    /// <summary>Ticks of a log-scale axis (positions in log10): the decades when it spans two or more, else nice values of the range itself.</summary>
    internal static IEnumerable<(double Position, string Label)> LogTicks(double lo, double hi)
    {
        if (Math.Floor(hi) - Math.Ceiling(lo) >= 1)
        {
            return Enumerable.Range((int)Math.Ceiling(lo), (int)Math.Floor(hi) - (int)Math.Ceiling(lo) + 1)
                .Select(i => ((double)i, Label(Math.Pow(10, i), Math.Pow(10, Math.Min(i, 0)))));
        }

        double a = Math.Pow(10, lo), b = Math.Pow(10, hi), step = Step(a, b);
        return Ticks(a, b).Where(t => t > 0).Select(t => (Math.Log10(t), Label(t, step)));
    }

    /// <summary>A tick label with as many decimals as the step needs, never "-0".</summary>
    internal static string Label(double value, double step)
    {
        int decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 10);
        double rounded = Math.Round(value, decimals);
        return (rounded == 0 ? 0 : rounded).ToString("#,0." + new string('0', decimals), CultureInfo.InvariantCulture).TrimEnd('.');
    }

    private static string F(double value, int decimals = 2) =>
        double.IsFinite(value) && Math.Round(value, decimals) is double r && r != 0 ? r.ToString("0.##########", CultureInfo.InvariantCulture) : "0";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
