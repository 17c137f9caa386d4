
namespace AgoraBench;

/// <summary>A GitHub-flavoured Markdown table whose columns are padded so it also reads well in a terminal.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    public MarkdownTable(params (string Header, bool RightAligned)[] columns)
    {
        _headers = [.. columns.Select(c => c.Header)];
        _rightAligned = [.. columns.Select(c => c.RightAligned)];
    }

    public IReadOnlyList<string> Headers => _headers;

    public IReadOnlyList<bool> RightAligned => _rightAligned;

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public void AddRow(params string[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"Expected {_headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(Escape)]);
    }

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

    public static string Number(double value, int decimals = 2) =>
        double.IsFinite(value) ? AnalysisFindings.N(value, decimals) : "n/a";

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

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
