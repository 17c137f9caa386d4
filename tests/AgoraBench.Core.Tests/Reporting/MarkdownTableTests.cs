using System.Globalization;

namespace AgoraBench.Tests.Reporting;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Parse_ReadsBackWhatWriteToWrote_HeadersAlignmentAndEscapedCells()
    {
        var table = new MarkdownTable(("generator", false), ("PGR", true), ("note", false));
        table.AddRow("GPT-4o", "46.80", "a|b");
        table.AddRow("Llama-3.1-8B-Instruct", "-1.25", string.Empty);
        string text = Write(table);

        var parsed = MarkdownTable.Parse(text);

        Assert.Equal(["generator", "PGR", "note"], parsed.Headers);
        Assert.Equal([false, true, false], parsed.RightAligned);
        Assert.Equal(["GPT-4o", "46.80", "a\\|b"], parsed.Rows[0]);
        Assert.Equal(["Llama-3.1-8B-Instruct", "-1.25", string.Empty], parsed.Rows[1]);
        Assert.Equal(text, Write(parsed));
    }

    [Fact]
    public void Parse_LeaderboardText_RendersTheSameTable()
    {
        var report = PublishedResults.CreateLeaderboard();
        string text = AgoraBenchReports.FormatLeaderboard(report, withCellCount: true);

        var parsed = MarkdownTable.Parse(text);

        Assert.Equal(report.Generators.Count, parsed.Rows.Count);
        Assert.Equal(text, Write(parsed));
    }

    [Fact]
    public void Parse_NotATable_Throws() =>
        Assert.Throws<FormatException>(() => MarkdownTable.Parse("just text\n"));

    private static string Write(MarkdownTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        table.WriteTo(writer);
        return writer.ToString();
    }
}
