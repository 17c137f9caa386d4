using System.Globalization;
using System.Text;

namespace AgoraBench;

/// <summary>
/// One problem found in input data: where it is (file or source, line, field) and what is wrong.
/// </summary>
/// <param name="Source">The file path or source name, or <see langword="null"/> when the data did not come from a file.</param>
/// <param name="Line">The 1-based line number, or <see langword="null"/> when unknown.</param>
/// <param name="Field">The field or column, or <see langword="null"/> when the problem concerns the whole record.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
public sealed record DataError(string? Source, int? Line, string? Field, string Message)
{
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
