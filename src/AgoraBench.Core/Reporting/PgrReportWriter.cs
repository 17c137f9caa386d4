using System.Globalization;

namespace AgoraBench;

/// <summary>Writes a <see cref="PgrReport"/> as Markdown, CSV or JSON.</summary>
/// <remarks>
/// The JSON shape is <c>{"aggregation", "generators": [{"generator", "rank", "overall", "complete", "methods":
/// {method: avg}, "domains": {domain: avg}, "cells": {"method/domain": pgr}, "benchmarks": {"method/domain":
/// {benchmark: {"student", "base", "reference", "pgr", "pgr_low"?, "pgr_high"?}}}, "intervals"?}], "confidence"?,
/// "comparisons"?}</c>. The CSV columns are
/// <c>generator,rank,level,method,domain,benchmark,pgr,student,base,reference,pgr_low,pgr_high</c>, with <c>level</c>
/// one of <c>overall</c>, <c>method</c>, <c>setting</c> and <c>benchmark</c>; <c>pgr_low</c> and <c>pgr_high</c> are
/// the paired bootstrap interval, empty where there is none (no per-problem outcomes, or a denominator interval that
/// includes 0). Numbers in CSV and JSON keep full precision; Markdown shows two decimals.
/// </remarks>
internal static class PgrReportWriter
{
    private static readonly string[] DomainLabels = ["math", "code", "inst."];
    private static readonly string[] MethodLabels = ["IG", "RG", "QE"];

    /// <summary>Writes a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="format">The format.</param>
    internal static void Write(PgrReport report, TextWriter writer, PgrReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case PgrReportFormat.Markdown:
                WriteMarkdown(report, writer);
                break;
            case PgrReportFormat.Csv:
                WriteCsv(report, writer);
                break;
            case PgrReportFormat.Json:
                WriteJson(report, writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format.");
        }
    }

    /// <summary>Formats a report as a string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="format">The format.</param>
    /// <returns>The formatted report.</returns>
    public static string ToString(PgrReport report, PgrReportFormat format)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(report, writer, format);
        return writer.ToString();
    }

    /// <summary>Parses a format name: <c>md</c> (or <c>markdown</c>), <c>csv</c> or <c>json</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="format">The format.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a format.</returns>
    public static bool TryParseFormat(string? text, out PgrReportFormat format)
    {
        switch (AgoraBenchNames.Normalize(text))
        {
            case "md" or "markdown":
                format = PgrReportFormat.Markdown;
                return true;
            case "csv":
                format = PgrReportFormat.Csv;
                return true;
            case "json":
                format = PgrReportFormat.Json;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The leaderboard as a table: rank, generator, the method averages, overall PGR (and its interval when the report has them).</summary>
    /// <param name="report">The report.</param>
    /// <param name="withCellCount">Whether to add a column with each generator's count of cells.</param>
    /// <returns>The table.</returns>
    public static MarkdownTable LeaderboardTable(PgrReport report, bool withCellCount)
    {
        // Only the settings the study has: a one-setting study gets one column, not nine.
        var present = report.Generators.SelectMany(g => g.Cells).Select(c => c.Setting.Key).ToHashSet(StringComparer.Ordinal);
        var settings = report.Generators.SelectMany(g => g.Cells).Select(c => c.Setting).Distinct().OrderBy(s => s.Method).ThenBy(s => s.Domain).ToArray();
        var methods = settings.Select(s => s.Method).Distinct().Order().ToArray();
        bool Averaged(GenerationMethod method) => settings.Count(s => s.Method == method) > 1;
        var columns = new List<(string, bool)> { ("Rank", true), ("Generator", false) };
        foreach (var method in methods)
        {
            foreach (var setting in settings.Where(s => s.Method == method))
            {
                columns.Add(($"{MethodLabels[(int)method]} {(setting.Domain.IsBuiltIn ? DomainLabels[setting.Domain.Ordinal] : setting.Domain.Name)}", true));
            }

            if (Averaged(method))
            {
                columns.Add(($"{MethodLabels[(int)method]} avg", true));
            }
        }

        columns.Add(("Overall", true));
        bool intervals = report.Confidence is not null;
        if (intervals)
        {
            columns.Add(($"Overall {ConfidenceLevels.Text(report.Confidence!.Value)} CI", true));
        }

        if (withCellCount)
        {
            columns.Add(("Cells", true));
        }

        var table = new MarkdownTable([.. columns]);
        foreach (var generator in report.Generators)
        {
            var cells = new List<string> { generator.Rank.ToString(CultureInfo.InvariantCulture), generator.Generator };
            foreach (var method in methods)
            {
                foreach (var setting in settings.Where(s => s.Method == method))
                {
                    cells.Add(generator.GetCell(method, setting.Domain) is { } cell ? MarkdownTable.Number(cell.Value) : "–");
                }

                if (Averaged(method))
                {
                    cells.Add(generator.MethodAverages.TryGetValue(method, out double average) ? MarkdownTable.Number(average) : "–");
                }
            }

            cells.Add(MarkdownTable.Number(generator.Overall));
            if (intervals)
            {
                cells.Add(IntervalText(generator.OverallInterval));
            }

            if (withCellCount)
            {
                cells.Add($"{generator.Cells.Count}/{settings.Length}");
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static void WriteMarkdown(PgrReport report, TextWriter writer)
    {
        writer.WriteLine($"## PGR leaderboard ({PgrCalculationOptions.ToName(report.Aggregation)})");
        writer.WriteLine();
        if (PgrHeadline.Of(report) is { } headline)
        {
            writer.WriteLine(headline);
            writer.WriteLine();
        }

        LeaderboardTable(report, withCellCount: true).WriteTo(writer);
        if (ComparisonMatrix(report) is { } matrix)
        {
            writer.WriteLine();
            writer.WriteLine($"### Which generator is better (paired bootstrap, {report.Comparisons[0].Difference.Rounds} resamples)");
            writer.WriteLine();
            writer.WriteLine($"Each cell is the probability that the row's overall PGR is above the column's; * marks a lead whose {ConfidenceLevels.Text(report.Confidence!.Value)} interval lies above 0.");
            writer.WriteLine();
            matrix.WriteTo(writer);
        }

        VarianceTable(report, writer);
        var rows = report.Generators.SelectMany(g => g.Cells).SelectMany(c => c.Benchmarks.Select(b => (Cell: c, Benchmark: b))).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("### PGR per benchmark");
        writer.WriteLine();
        bool intervals = report.Confidence is not null;
        var table = intervals
            ? new MarkdownTable(("Generator", false), ("Setting", false), ("Benchmark", false), ("Student", true), ("Base", true), ("Reference", true), ("PGR", true), ($"{ConfidenceLevels.Text(report.Confidence!.Value)} CI", false))
            : new MarkdownTable(("Generator", false), ("Setting", false), ("Benchmark", false), ("Student", true), ("Base", true), ("Reference", true), ("PGR", true));
        foreach (var (cell, benchmark) in rows)
        {
            string[] values =
            [
                cell.Generator,
                cell.Setting.Key,
                benchmark.Benchmark,
                MarkdownTable.Number(benchmark.Student),
                MarkdownTable.Number(benchmark.Base),
                MarkdownTable.Number(benchmark.Reference),
                MarkdownTable.Number(benchmark.Value),
            ];
            table.AddRow(intervals ? [.. values, IntervalText(benchmark.Interval, withReason: true)] : values);
        }

        table.WriteTo(writer);
    }

    /// <summary>With repeated training: per generator and cell, the PGR of each run, the spread across runs and the spread from the problems alone.</summary>
    private static void VarianceTable(PgrReport report, TextWriter writer)
    {
        var rows = new List<(string Generator, string Scope, PgrVariance Variance)>();
        foreach (var g in report.Generators)
        {
            if (g.OverallVariance is { } overall)
            {
                rows.Add((g.Generator, "overall", overall));
            }

            rows.AddRange(g.Cells.Where(c => c.Variance is not null).Select(c => (g.Generator, c.Setting.Key, c.Variance!)));
        }

        if (rows.Count == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("### Training seeds and evaluation problems");
        writer.WriteLine();
        writer.WriteLine("Each cell's student was trained several times. *Seed SD* is the spread of one run's PGR across the runs; *seed SE* the resulting standard error of their mean; *evaluation SD* the spread the benchmark problems alone cause (bootstrap over problems with the runs held fixed). The intervals above cover both (runs, then problems, resampled).");
        writer.WriteLine();
        var table = new MarkdownTable(("Generator", false), ("Scope", false), ("Runs", true), ("PGR per run", false), ("Seed SD", true), ("Seed SE", true), ("Evaluation SD", true));
        foreach (var (generator, scope, v) in rows)
        {
            table.AddRow([generator, scope, v.Repeats.ToString(CultureInfo.InvariantCulture), string.Join(", ", v.RepeatValues.Select(x => MarkdownTable.Number(x))), MarkdownTable.Number(v.TrainingSeedSd), MarkdownTable.Number(v.TrainingSeedStandardError), MarkdownTable.Number(v.EvaluationSd)]);
        }

        table.WriteTo(writer);
    }

    private static void WriteCsv(PgrReport report, TextWriter writer)
    {
        writer.WriteLine("generator,rank,level,method,domain,benchmark,pgr,student,base,reference,pgr_low,pgr_high");
        foreach (var generator in report.Generators)
        {
            string name = CsvField(generator.Generator);
            string rank = generator.Rank.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"{name},{rank},overall,,,,{Raw(generator.Overall)},,,,{Bounds(generator.OverallInterval)}");
            foreach (var (method, average) in generator.MethodAverages)
            {
                writer.WriteLine($"{name},{rank},method,{AgoraBenchNames.ToName(method)},,,{Raw(average)},,,,{Bounds(generator.MethodIntervals.GetValueOrDefault(method))}");
            }

            foreach (var cell in generator.Cells)
            {
                string method = AgoraBenchNames.ToName(cell.Setting.Method);
                string domain = AgoraBenchNames.ToName(cell.Setting.Domain);
                writer.WriteLine($"{name},{rank},setting,{method},{domain},,{Raw(cell.Value)},,,,{Bounds(cell.Interval)}");
                foreach (var b in cell.Benchmarks)
                {
                    writer.WriteLine($"{name},{rank},benchmark,{method},{domain},{CsvField(b.Benchmark)},{Raw(b.Value)},{Raw(b.Student)},{Raw(b.Base)},{Raw(b.Reference)},{Bounds(b.Interval)}");
                }
            }
        }
    }

    private static void WriteJson(PgrReport report, TextWriter writer) =>
        writer.Write(ArtefactJson.Write(PgrReportDocument.From(report), ReportJsonContext.Default.PgrReportDocument));

    private static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Bounds(ConfidenceInterval? interval) =>
        interval is { IsDefined: true } ? $"{Raw(interval.Lower)},{Raw(interval.Upper)}" : ",";

    /// <summary>An interval for Markdown: <c>[low, high]</c>, <c>n/a (reason)</c> when undefined, or <c>–</c> when there is none.</summary>
    internal static string IntervalText(ConfidenceInterval? interval, bool withReason = false) => interval switch
    {
        null => "–",
        { IsDefined: true } => $"[{MarkdownTable.Number(interval.Lower)}, {MarkdownTable.Number(interval.Upper)}]",
        _ => withReason && interval.Problem is { } problem ? $"n/a ({problem})" : "n/a",
    };

    /// <summary>The generators × generators matrix of P(row better than column), as Markdown; empty when there are no comparisons.</summary>
    internal static MarkdownTable? ComparisonMatrix(PgrReport report)
    {
        var names = report.Generators.Select(g => g.Generator).Where(n => report.Comparisons.Any(c => c.Generator == n)).ToArray();
        if (names.Length < 2)
        {
            return null;
        }

        var table = new MarkdownTable([("P(row > column)", false), .. names.Select(n => (n, true))]);
        foreach (string a in names)
        {
            table.AddRow([a, .. names.Select(b => a == b ? "–" : report.Compare(a, b) is { } c ? Probability(c) : "–")]);
        }

        return table;
    }

    private static string Probability(GeneratorComparison c) =>
        c.ProbabilityBetter.ToString("0.00", CultureInfo.InvariantCulture) + (c.IsSignificantlyBetter ? " *" : string.Empty);

    private static string CsvField(string text) => CsvCell.Field(text);
}
