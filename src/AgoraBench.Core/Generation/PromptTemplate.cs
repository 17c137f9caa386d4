namespace AgoraBench;

/// <summary>
/// A meta-prompt cut once into literal text and placeholders, so that filling it is one pass and one string: the
/// length is summed first, then the pieces are copied into the result. Placeholders are the ones
/// <see cref="GenerationPromptBuilder"/> knows (<c>&lt;input1&gt;</c> … <c>&lt;output3&gt;</c>, <c>&lt;input&gt;</c>,
/// <c>&lt;output&gt;</c>, <c>&lt;input_theme&gt;</c>, <c>&lt;first_word&gt;</c>); a placeholder given no value stays as written,
/// and text drawn into the prompt is never scanned again.
/// </summary>
internal sealed partial class PromptTemplate
{
    /// <summary>The slot of <c>&lt;input1&gt;</c>; <c>&lt;outputN&gt;</c> follows each <c>&lt;inputN&gt;</c>.</summary>
    public const int Input1 = 0;

    /// <summary>The slot of <c>&lt;input_theme&gt;</c>.</summary>
    public const int Theme = 6;

    /// <summary>The slot of <c>&lt;first_word&gt;</c>.</summary>
    public const int FirstWord = 7;

    /// <summary>The slot of <c>&lt;input&gt;</c> (one seed's instruction).</summary>
    public const int Input = 8;

    /// <summary>The slot of <c>&lt;output&gt;</c> (one seed's response).</summary>
    public const int Output = 9;

    /// <summary>The number of slots.</summary>
    public const int SlotCount = 10;

    private static readonly string[] SlotNames =
        ["<input1>", "<output1>", "<input2>", "<output2>", "<input3>", "<output3>", "<input_theme>", "<first_word>", "<input>", "<output>"];

    // The most recently parsed template: an engine fills the same template for every item.
    private static PromptTemplate? _last;

    // Literal runs are (start, length) in the template with slot -1; placeholders have their slot.
    private readonly Piece[] _pieces;
    private readonly bool[] _used = new bool[SlotCount];

    private PromptTemplate(string text)
    {
        Text = text;
        var pieces = new List<Piece>();
        int at = 0;
        foreach (var match in PlaceholderRegex().EnumerateMatches(text))
        {
            if (match.Index > at)
            {
                pieces.Add(new Piece(at, match.Index - at, -1));
            }

            // Every match the pattern can make is a known slot; an unknown one would stay literal (slot -1).
            int slot = Array.IndexOf(SlotNames, text.Substring(match.Index, match.Length));
            if (slot >= 0)
            {
                _used[slot] = true;
            }

            pieces.Add(new Piece(match.Index, match.Length, slot));
            at = match.Index + match.Length;
        }

        if (at < text.Length)
        {
            pieces.Add(new Piece(at, text.Length - at, -1));
        }

        _pieces = [.. pieces];
    }

    /// <summary>Gets the template text.</summary>
    public string Text { get; }

    /// <summary>Returns the parsed form of a template, reusing the last one when the same text comes again.</summary>
    /// <param name="template">The template text.</param>
    /// <returns>The parsed template.</returns>
    public static PromptTemplate For(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var last = Volatile.Read(ref _last);
        if (last is not null && (ReferenceEquals(last.Text, template) || string.Equals(last.Text, template, StringComparison.Ordinal)))
        {
            return last;
        }

        var parsed = new PromptTemplate(template);
        Volatile.Write(ref _last, parsed);
        return parsed;
    }

    /// <summary>Whether the template has the given placeholder.</summary>
    /// <param name="slot">The slot.</param>
    /// <returns><see langword="true"/> when the placeholder appears at least once.</returns>
    public bool Uses(int slot) => _used[slot];

    /// <summary>Fills the template.</summary>
    /// <param name="values">One value per slot (<see cref="SlotCount"/> entries); a <see langword="null"/> value leaves its placeholder as written.</param>
    /// <returns>The filled text.</returns>
    public string Fill(string?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != SlotCount)
        {
            throw new ArgumentException($"Exactly {SlotCount} values are expected.", nameof(values));
        }

        int length = 0;
        foreach (var piece in _pieces)
        {
            length = checked(length + (piece.Slot >= 0 && values[piece.Slot] is { } value ? value.Length : piece.Length));
        }

        return string.Create(length, (this, values), static (span, state) =>
        {
            var (template, values) = state;
            var text = template.Text.AsSpan();
            foreach (var piece in template._pieces)
            {
                ReadOnlySpan<char> part = piece.Slot >= 0 && values[piece.Slot] is { } value ? value : text.Slice(piece.Start, piece.Length);
                part.CopyTo(span);
                span = span[part.Length..];
            }
        });
    }

    [System.Text.RegularExpressions.GeneratedRegex("<(?:input|output)[123]?>|<input_theme>|<first_word>", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlaceholderRegex();

    private readonly record struct Piece(int Start, int Length, int Slot);
}
