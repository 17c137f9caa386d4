using System.Globalization;
using System.Text;

namespace AgoraBench;

/// <summary>
/// One problem found in input data: where it is (file or source, line, field) and what is wrong.
/// </summary>
/// <remarks>A read-only value that code reporting bad input builds and <see cref="DataValidationException.Errors"/> carries.</remarks>
public sealed class DataError
{
    /// <summary>Initializes a new instance of the <see cref="DataError"/> class.</summary>
    /// <param name="source">The file path or source name, or <see langword="null"/> when the data did not come from a file.</param>
    /// <param name="line">The 1-based line number, or <see langword="null"/> when unknown.</param>
    /// <param name="field">The field or column, or <see langword="null"/> when the problem concerns the whole record.</param>
    /// <param name="message">What is wrong, in one sentence.</param>
    public DataError(string? source, int? line, string? field, string message)
    {
        Source = source;
        Line = line;
        Field = field;
        Message = message;
    }

    /// <summary>Gets the file path or source name, or <see langword="null"/> when the data did not come from a file.</summary>
    public string? Source { get; }

    /// <summary>Gets the 1-based line number, or <see langword="null"/> when unknown.</summary>
    public int? Line { get; }

    /// <summary>Gets the field or column, or <see langword="null"/> when the problem concerns the whole record.</summary>
    public string? Field { get; }

    /// <summary>Gets what is wrong, in one sentence.</summary>
    public string Message { get; }

    /// <summary>Formats the error as <c>source:line: field 'f': message</c> on one line (a message that spans lines is joined), leaving out the parts that are unknown.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Source is not null)
        {
            text.Append(Source);
            if (Line is int line)
            {
                text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
            }

            text.Append(": ");
        }
        else if (Line is int line)
        {
            text.Append("line ").Append(line.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }

        if (Field is not null)
        {
            text.Append("field '").Append(Field).Append("': ");
        }

        return text.AppendJoin(' ', Message.Split('\n').Select(part => part.Trim()).Where(part => part.Length > 0)).ToString();
    }
}
