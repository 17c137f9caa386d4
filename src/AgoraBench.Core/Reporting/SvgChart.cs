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

    public static string Scatter(
        string title,
        IReadOnlyList<(string Label, double X, double Y, string Color)> points,
        string xLabel,
        string yLabel,
        (double Slope, double Intercept)? line = null,
        bool identityLine = false,
        bool logX = false,
        bool labelPoints = true)
    {
        const int Width = 700, Height = 420, Left = 64, Top = 36, Bottom = 56;
        int right = labelPoints ? 130 : 24;
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
            double a = logX ? x0 : x0, b = x1;
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"fit\" x1=\"{F(PxRaw(a))}\" y1=\"{F(Py(intercept + (slope * a)))}\" x2=\"{F(PxRaw(b))}\" y2=\"{F(Py(intercept + (slope * b)))}\" stroke=\"#718096\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>");
        }

        if (identityLine)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"identity\" x1=\"{F(PxRaw(x0))}\" y1=\"{F(Py(x0))}\" x2=\"{F(PxRaw(x1))}\" y2=\"{F(Py(x1))}\" stroke=\"#a0aec0\" stroke-width=\"1.5\"/>");
        }

        foreach (var p in points)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point\" cx=\"{F(Px(p.X))}\" cy=\"{F(Py(p.Y))}\" r=\"5\" fill=\"{p.Color}\" fill-opacity=\"0.8\"><title>{E(p.Label)}: ({F(p.X)}, {F(p.Y)})</title></circle>");
            if (labelPoints)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Px(p.X) + 7)}\" y=\"{F(Py(p.Y) - 6)}\" font-size=\"11\" fill=\"#2d3748\">{E(p.Label)}</text>");
            }
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Bars(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string yLabel, IReadOnlyList<double>? cumulative = null)
    {
        const int Width = 640, Height = 380, Left = 64, Right = 24, Top = 36, Bottom = 56;
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

        var svg = Start(title, width, height);
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

    private static StringBuilder Start(string title, int width, int height) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\"><title>{E(title)}</title><rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");

    private static void Axes(StringBuilder svg, int width, int height, int left, int right, int top, int bottom, double x0, double x1, double y0, double y1, string xLabel, string yLabel, bool logX, bool xTicks = true)
    {
        int plotBottom = height - bottom;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{plotBottom}\" x2=\"{width - right}\" y2=\"{plotBottom}\" stroke=\"#4a5568\"/><line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{plotBottom}\" stroke=\"#4a5568\"/>");
        foreach (double t in Ticks(y0, y1))
        {
            double y = plotBottom - ((t - y0) / (y1 - y0) * (plotBottom - top));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{F(y)}\" x2=\"{width - right}\" y2=\"{F(y)}\" stroke=\"#edf2f7\"/><text x=\"{left - 6}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\">{F(t, 1)}</text>");
        }

        if (xTicks)
        {
            var ticks = logX ? Enumerable.Range((int)Math.Ceiling(x0), Math.Max(0, (int)Math.Floor(x1) - (int)Math.Ceiling(x0) + 1)).Select(i => (double)i) : Ticks(x0, x1);
            foreach (double t in ticks)
            {
                double x = left + ((t - x0) / (x1 - x0) * (width - left - right));
                string label = logX ? Math.Pow(10, t).ToString("#,0.##", CultureInfo.InvariantCulture) : F(t, 1);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x)}\" y=\"{plotBottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{label}</text>");
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

    private static IEnumerable<double> Ticks(double lo, double hi)
    {
        double span = hi - lo;
        double step = Math.Pow(10, Math.Floor(Math.Log10(span / 5)));
        foreach (double m in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (span / (step * m) <= 7)
            {
                step *= m;
                break;
            }
        }

        for (double t = Math.Ceiling(lo / step) * step; t <= hi + 1e-9; t += step)
        {
            yield return Math.Abs(t) < step * 1e-9 ? 0 : t;
        }
    }

    private static string F(double value, int decimals = 2) =>
        double.IsFinite(value) ? Math.Round(value, decimals).ToString("0.##########", CultureInfo.InvariantCulture) : "0";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
