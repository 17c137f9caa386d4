using System.Globalization;
using System.Text.Json;

namespace AgoraBench.Cli.Commands;

/// <summary>Turns a System.Text.Json error that escaped a reader into <c>file:line: what (column, field)</c>.</summary>
internal static class JsonErrors
{
    public static string Describe(string? file, JsonException ex)
    {
        string line = ex.LineNumber is long number ? (number + 1).ToString(CultureInfo.InvariantCulture) : "?";
        return $"{file ?? "JSON input"}:{line}: not valid JSON: {JsonErrorText.Describe(ex)}";
    }
}
