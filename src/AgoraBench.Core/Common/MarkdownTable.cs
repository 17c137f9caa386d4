
namespace AgoraBench;

/// <summary>A GitHub-flavoured Markdown table whose columns are padded so it also reads well in a terminal.</summary>
/// <remarks>Compiled into the tool as shared source, so the library's finished tables and the tool's own read the same way.</remarks>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    /// <summary>Initializes a new instance of the <see cref="MarkdownTable"/> class.</summary>
    /// <param name="columns">Each column's header and whether its cells are right-aligned (numbers).</param>
    public MarkdownTable(params (string Header, bool RightAligned)[] columns)
    {
        _headers = [.. columns.Select(c => c.Header)];
        _rightAligned = [.. columns.Select(c => c.RightAligned)];
    }

    /// <summary>Gets the column headers.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>Gets, per column, whether its cells are right-aligned.</summary>
    public IReadOnlyList<bool> RightAligned => _rightAligned;

    /// <summary>Gets the rows added so far.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    /// <summary>Adds a row.</summary>
    /// <param name="cells">One cell per column.</param>
    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(Escape)]);
    }

    /// <summary>Writes the table, one line per row, padded to the widest cell of each column.</summary>
    /// <param name="writer">Where the table goes.</param>
    public void WriteTo(TextWriter writer)
    {
        int[] widths = new int[_headers.Length];
        for (int i = 0; i < widths.Length; i++)
        {
            widths[i] = Math.Max(3, _rows.Select(r => r[i].Length).Append(_headers[i].Length).Max());
        }

        WriteRow(writer, _headers, widths);
        writer.Write('|');
        for (int i = 0; i < widths.Length; i++)
        {
            writer.Write(' ');
            writer.Write(_rightAligned[i] ? new string('-', widths[i] - 1) + ":" : new string('-', widths[i]));
            writer.Write(" |");
        }

        writer.WriteLine();
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    /// <summary>
    /// Reads back a table this class wrote (<see cref="WriteTo"/>): headers, alignment and the rows' cells as they were
    /// added (a <c>|</c> in a cell stays escaped as <c>\|</c>). Lines that are not table rows are skipped.
    /// </summary>
    /// <param name="text">The Markdown table.</param>
    /// <returns>The table.</returns>
    /// <exception cref="FormatException">The text has no header and alignment row.</exception>
    public static MarkdownTable Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n').Where(l => l.StartsWith('|')).Select(SplitRow).ToList();
        if (lines.Count < 2 || lines[0].Length != lines[1].Length)
        {
            throw new FormatException("Not a Markdown table: a header row and an alignment row are expected.");
        }

        var table = new MarkdownTable([.. lines[0].Select((header, i) => (header, lines[1][i].EndsWith(':')))]);
        foreach (var row in lines.Skip(2))
        {
            if (row.Length != table._headers.Length)
            {
                throw new FormatException($"A row has {row.Length} cells; the table has {table._headers.Length} columns.");
            }

            table._rows.Add(row);
        }

        return table;
    }

    /// <summary>A number as a cell: fixed decimals, or <c>n/a</c> when it is not finite.</summary>
    /// <param name="value">The number.</param>
    /// <param name="decimals">The count of decimals.</param>
    /// <returns>The cell text.</returns>
    public static string Number(double value, int decimals = 2) =>
        double.IsFinite(value) ? FixedDecimals.Format(value, decimals) : "n/a";

    private void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        writer.Write('|');
        for (int i = 0; i < cells.Length; i++)
        {
            writer.Write(' ');
            writer.Write(_rightAligned[i] ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i]));
            writer.Write(" |");
        }

        writer.WriteLine();
    }

    private static string[] SplitRow(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        for (int i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                cell.Append("\\|");
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(line[i]);
            }
        }

        return [.. cells];
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
