using System.Globalization;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// A System.Text.Json error in words for a user: what is wrong, the column and the field, without the serializer's
/// "LineNumber: 0 | BytePositionInLine" suffix (the caller names the file and line).
/// </summary>
internal static class JsonErrorText
{
    public static string Describe(JsonException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        string message = ex.Message;
        foreach (string marker in new[] { " Path: ", " LineNumber:", " | LineNumber", "LineNumber:" })
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut >= 0)
            {
                message = message[..cut];
            }
        }

        message = message.Trim().TrimEnd('.', '|').Trim();
        var details = new List<string>();
        if (ex.BytePositionInLine is long column)
        {
            details.Add("column " + (column + 1).ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(ex.Path) && ex.Path != "$")
        {
            details.Add($"field '{ex.Path}'");
        }

        return details.Count == 0 ? message : $"{message} ({string.Join(", ", details)})";
    }
}
