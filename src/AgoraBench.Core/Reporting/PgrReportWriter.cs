using System.Globalization;

namespace AgoraBench;

/// <summary>Writes a <see cref="PgrReport"/> as Markdown, CSV or JSON.</summary>
/// <remarks>
/// The JSON shape is <c>{"aggregation", "generators": [{"generator", "rank", "overall", "complete", "methods":
/// {method: avg}, "domains": {domain: avg}, "cells": {"method/domain": pgr}, "benchmarks": {"method/domain":
/// {benchmark: {"student", "base", "reference", "pgr"}}}}]}</c>. The CSV columns are
/// <c>generator,rank,level,method,domain,benchmark,pgr,student,base,reference</c>, with <c>level</c> one of
/// <c>overall</c>, <c>method</c>, <c>setting</c> and <c>benchmark</c>. Numbers in CSV and JSON keep full precision;
/// Markdown shows two decimals.
/// </remarks>
public static class PgrReportWriter
{
    private static readonly string[] DomainLabels = ["math", "code", "inst."];
    private static readonly string[] MethodLabels = ["IG", "RG", "QE"];

    /// <summary>Writes a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="format">The format.</param>
    public static void Write(PgrReport report, TextWriter writer, PgrReportFormat format)
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

    internal static MarkdownTable LeaderboardTable(PgrReport report, bool withCellCount)
    {
        // Only the settings the study has: a one-setting study gets one column, not nine.
        var present = report.Generators.SelectMany(g => g.Cells).Select(c => c.Setting.Key).ToHashSet(StringComparer.Ordinal);
        var settings = AgoraBenchSettings.All.Where(s => present.Contains(s.Key)).ToArray();
        var methods = settings.Select(s => s.Method).Distinct().Order().ToArray();
        bool Averaged(GenerationMethod method) => settings.Count(s => s.Method == method) > 1;
        var columns = new List<(string, bool)> { ("Rank", true), ("Generator", false) };
        foreach (var method in methods)
        {
            foreach (var setting in settings.Where(s => s.Method == method))
            {
                columns.Add(($"{MethodLabels[(int)method]} {DomainLabels[(int)setting.Domain]}", true));
            }

            if (Averaged(method))
            {
                columns.Add(($"{MethodLabels[(int)method]} avg", true));
            }
        }

        columns.Add(("Overall", true));
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
        LeaderboardTable(report, withCellCount: true).WriteTo(writer);

        var rows = report.Generators.SelectMany(g => g.Cells).SelectMany(c => c.Benchmarks.Select(b => (Cell: c, Benchmark: b))).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("### PGR per benchmark");
        writer.WriteLine();
        var table = new MarkdownTable(("Generator", false), ("Setting", false), ("Benchmark", false), ("Student", true), ("Base", true), ("Reference", true), ("PGR", true));
        foreach (var (cell, benchmark) in rows)
        {
            table.AddRow(
                cell.Generator,
                cell.Setting.Key,
                benchmark.Benchmark,
                MarkdownTable.Number(benchmark.Student),
                MarkdownTable.Number(benchmark.Base),
                MarkdownTable.Number(benchmark.Reference),
                MarkdownTable.Number(benchmark.Value));
        }

        table.WriteTo(writer);
    }

    private static void WriteCsv(PgrReport report, TextWriter writer)
    {
        writer.WriteLine("generator,rank,level,method,domain,benchmark,pgr,student,base,reference");
        foreach (var generator in report.Generators)
        {
            string name = CsvField(generator.Generator);
            string rank = generator.Rank.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine($"{name},{rank},overall,,,,{Raw(generator.Overall)},,,");
            foreach (var (method, average) in generator.MethodAverages)
            {
                writer.WriteLine($"{name},{rank},method,{AgoraBenchNames.ToName(method)},,,{Raw(average)},,,");
            }

            foreach (var cell in generator.Cells)
            {
                string method = AgoraBenchNames.ToName(cell.Setting.Method);
                string domain = AgoraBenchNames.ToName(cell.Setting.Domain);
                writer.WriteLine($"{name},{rank},setting,{method},{domain},,{Raw(cell.Value)},,,");
                foreach (var b in cell.Benchmarks)
                {
                    writer.WriteLine($"{name},{rank},benchmark,{method},{domain},{CsvField(b.Benchmark)},{Raw(b.Value)},{Raw(b.Student)},{Raw(b.Base)},{Raw(b.Reference)}");
                }
            }
        }
    }

    private static void WriteJson(PgrReport report, TextWriter writer) => writer.Write(JsonReport.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("aggregation", PgrCalculationOptions.ToName(report.Aggregation));
        json.WriteStartArray("generators");
        foreach (var generator in report.Generators)
        {
            json.WriteStartObject();
            json.WriteString("generator", generator.Generator);
            json.WriteNumber("rank", generator.Rank);
            JsonReport.Number(json, "overall", generator.Overall);
            json.WriteBoolean("complete", generator.IsComplete);
            JsonReport.WriteMethodsAndCells(json, generator);
            json.WriteStartObject("domains");
            foreach (var (domain, average) in generator.DomainAverages)
            {
                JsonReport.Number(json, AgoraBenchNames.ToName(domain), average);
            }

            json.WriteEndObject();
            json.WriteStartObject("benchmarks");
            foreach (var cell in generator.Cells.Where(c => c.Benchmarks.Count > 0))
            {
                json.WriteStartObject(cell.Setting.Key);
                foreach (var b in cell.Benchmarks)
                {
                    json.WriteStartObject(b.Benchmark);
                    JsonReport.Number(json, "student", b.Student);
                    JsonReport.Number(json, "base", b.Base);
                    JsonReport.Number(json, "reference", b.Reference);
                    JsonReport.Number(json, "pgr", b.Value);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }));

    private static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string CsvField(string text) => CsvCell.Field(text);
}
