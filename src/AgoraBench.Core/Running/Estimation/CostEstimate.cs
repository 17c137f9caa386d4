using System.Globalization;
using System.Text;

namespace AgoraBench;

/// <summary>What a plan is expected to cost, stage by stage, generator by generator and setting by setting, with the assumptions behind the numbers.</summary>
public sealed class CostEstimate
{
    internal CostEstimate()
    {
    }

    /// <summary>Gets the plan's name.</summary>
    public string Plan { get; internal init; } = null!;

    /// <summary>Gets every line of the estimate.</summary>
    internal IReadOnlyList<CostEstimateLine> Lines { get; init; } = null!;

    /// <summary>Gets the assumptions and approximations the estimate rests on, in words.</summary>
    public IReadOnlyList<string> Notes { get; internal init; } = null!;

    /// <summary>Gets the mean tokens per generation request and per generated instance measured for each setting and encoding.</summary>
    internal IReadOnlyList<SettingTokenProfile> Profiles { get; init; } = [];

    /// <summary>Gets the total expected cost in USD of the lines with a known price.</summary>
    public decimal TotalUsd => Lines.Sum(l => l.Usd ?? 0);

    /// <summary>Gets a value indicating whether some line has no price (its cost is not in <see cref="TotalUsd"/>).</summary>
    public bool HasUnpricedLines => Lines.Any(l => l.Usd is null && (l.InputTokens > 0 || l.OutputTokens > 0));

    /// <summary>Sums the lines by stage.</summary>
    /// <returns>One line per stage that has spend, in stage order.</returns>
    internal IReadOnlyList<CostEstimateLine> ByStage() => [.. Lines.GroupBy(l => l.Stage).OrderBy(g => g.Key).Select(g => Sum(g, g.Key, null, "all"))];

    /// <summary>Sums the lines by stage and generator (study-wide spend under <see langword="null"/>).</summary>
    /// <returns>One line per stage and generator.</returns>
    internal IReadOnlyList<CostEstimateLine> ByStageAndGenerator() =>
        [.. Lines.GroupBy(l => (l.Stage, l.Generator)).OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.Generator is null ? 1 : 0).ThenBy(g => g.Key.Generator, StringComparer.Ordinal).Select(g => Sum(g, g.Key.Stage, g.Key.Generator, "all"))];

    /// <summary>Formats the estimate as Markdown: totals by stage, by stage and generator, generation by setting, and the notes.</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Cost estimate: {Plan}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Total: **{Usd(TotalUsd)}**{(HasUnpricedLines ? " (some models have no price; their tokens are not costed)" : string.Empty)}\n\n");
        Section(text, "By stage", ByStage(), withGenerator: false, withSetting: false);
        Section(text, "By stage and generator", ByStageAndGenerator(), withGenerator: true, withSetting: false);
        Section(text, "Generation by generator and setting", [.. Lines.Where(l => l.Stage == RunStage.Generate)], withGenerator: true, withSetting: true);
        text.Append("## Notes\n\n");
        foreach (string note in Notes)
        {
            text.Append("- ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// Formats the estimate as plain text, as <c>agorabench estimate</c> prints it: the total, then padded tables by stage,
    /// by stage and generator, and generation by generator and setting (with <paramref name="detail"/>, every line with its
    /// model and encoding too), then the notes.
    /// </summary>
    /// <param name="detail">Whether to add the table of every line.</param>
    /// <returns>The text, one line per row, ending with a newline.</returns>
    public string ToText(bool detail = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Estimated cost of {Plan}: {Usd(TotalUsd)}{(HasUnpricedLines ? " (plus unpriced models)" : string.Empty)}"));
        writer.WriteLine();
        TextSection(writer, "By stage", ByStage(), generator: false, setting: false, item: false);
        TextSection(writer, "By stage and generator", ByStageAndGenerator(), generator: true, setting: false, item: false);
        TextSection(writer, "Generation by generator and setting", [.. Lines.Where(l => l.Stage == RunStage.Generate)], generator: true, setting: true, item: false);
        if (detail)
        {
            TextSection(writer, "Every line", Lines, generator: true, setting: true, item: true);
        }

        writer.WriteLine("Notes:");
        foreach (string note in Notes)
        {
            writer.WriteLine("- " + note);
        }

        return writer.ToString();
    }

    /// <summary>Formats the estimate as JSON: <c>{"plan", "total_usd", "unpriced", "by_stage": [...], "lines": [...], "profiles": [...], "notes": [...]}</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => ArtefactJson.Write(CostEstimateDocument.From(this), EstimationJsonContext.Default.CostEstimateDocument);

    /// <summary>An amount in US dollars as the estimate prints it (cents, or four decimals under one dollar).</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The text, for example <c>$12.50</c>.</returns>
    public static string Usd(decimal value) => value.ToString(value >= 100 ? "$#,0" : value >= 1 ? "$#,0.00" : "$0.0000", CultureInfo.InvariantCulture);

    /// <summary>A token count with thousands separators.</summary>
    /// <param name="value">The count.</param>
    /// <returns>The text.</returns>
    public static string Tokens(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static CostEstimateLine Sum(IEnumerable<CostEstimateLine> lines, RunStage stage, string? generator, string item)
    {
        var list = lines.ToArray();
        bool priced = list.All(l => l.Usd is not null || (l.InputTokens == 0 && l.OutputTokens == 0));
        return new CostEstimateLine(stage, generator, null, item, string.Join(", ", list.Select(l => l.Model).Distinct(StringComparer.Ordinal)), list.Sum(l => l.Requests), list.Sum(l => l.InputTokens), list.Sum(l => l.OutputTokens), priced ? list.Sum(l => l.Usd ?? 0) : null, string.Join(", ", list.Select(l => l.Tokenizer).Distinct(StringComparer.Ordinal)));
    }

    /// <summary>The lines as a table: stage, optionally generator, setting and item/model/encoding, then requests, tokens and USD.</summary>
    /// <param name="lines">The estimate's lines.</param>
    /// <param name="generator">Whether to show the generator column.</param>
    /// <param name="setting">Whether to show the setting column.</param>
    /// <param name="item">Whether to show the item, model and encoding columns.</param>
    /// <returns>The Markdown table, padded to read well in a terminal, one line per row.</returns>
    internal static string Table(IReadOnlyList<CostEstimateLine> lines, bool generator, bool setting, bool item = false)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        BuildTable(lines, generator, setting, item).WriteTo(writer);
        return writer.ToString();
    }

    private static MarkdownTable BuildTable(IReadOnlyList<CostEstimateLine> lines, bool generator, bool setting, bool item)
    {
        var columns = new List<(string, bool)> { ("stage", false) };
        if (generator)
        {
            columns.Add(("generator", false));
        }

        if (setting)
        {
            columns.Add(("setting", false));
        }

        if (item)
        {
            columns.AddRange([("item", false), ("model", false), ("tokenizer", false)]);
        }

        columns.AddRange([("requests", true), ("input tokens", true), ("output tokens", true), ("USD", true)]);
        var table = new MarkdownTable([.. columns]);
        foreach (var line in lines)
        {
            var row = new List<string> { RunStages.ToName(line.Stage) };
            if (generator)
            {
                row.Add(line.Generator ?? "(study-wide)");
            }

            if (setting)
            {
                row.Add(line.Setting?.Key ?? string.Empty);
            }

            if (item)
            {
                row.AddRange([line.Item, line.Model, line.Tokenizer]);
            }

            row.AddRange([Tokens(line.Requests), Tokens(line.InputTokens), Tokens(line.OutputTokens), line.Usd is decimal usd ? Usd(usd) : "unpriced"]);
            table.AddRow([.. row]);
        }

        return table;
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<CostEstimateLine> lines, bool withGenerator, bool withSetting)
    {
        if (lines.Count == 0)
        {
            return;
        }

        text.Append("## ").Append(title).Append("\n\n");
        text.Append(Table(lines, withGenerator, withSetting).ReplaceLineEndings("\n")).Append('\n');
    }

    private static void TextSection(StringWriter writer, string title, IReadOnlyList<CostEstimateLine> lines, bool generator, bool setting, bool item)
    {
        writer.WriteLine(title);
        writer.WriteLine();
        writer.Write(Table(lines, generator, setting, item));
        writer.WriteLine();
    }
}
