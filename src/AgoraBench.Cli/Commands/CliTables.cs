using Spectre.Console;

namespace AgoraBench.Cli.Commands;

/// <summary>Writes a table as a Spectre.Console table on a terminal, and as a padded Markdown table otherwise (logs, files, pipes).</summary>
internal static class CliTables
{
    /// <summary>Writes a Markdown table the library formatted (a leaderboard, an estimate's lines).</summary>
    public static void Write(string markdownTable, TextWriter writer, string? title = null) =>
        Write(MarkdownTable.Parse(markdownTable), writer, title);

    public static void Write(MarkdownTable table, TextWriter writer, string? title = null)
    {
        if (!CliConsole.IsTerminal(writer))
        {
            if (title is not null)
            {
                writer.WriteLine(title);
                writer.WriteLine();
            }

            table.WriteTo(writer);
            writer.WriteLine();
            return;
        }

        var spectre = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            spectre.Title = new TableTitle(Markup.Escape(title));
        }

        for (int i = 0; i < table.Headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(table.Headers[i]));
            spectre.AddColumn(table.RightAligned[i] ? column.RightAligned() : column);
        }

        foreach (var row in table.Rows)
        {
            spectre.AddRow([.. row.Select(c => Markup.Escape(c.Replace("\\|", "|", StringComparison.Ordinal)))]);
        }

        CliConsole.Create(writer, interactive: true).Write(spectre);
    }
}
