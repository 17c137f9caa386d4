using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgoraBench;

/// <summary>
/// Writes and reads the typed JSON artefacts of a run through source-generated contracts: indented, non-ASCII kept
/// readable, a final newline; a bad file becomes a <see cref="DataValidationException"/> naming file, line and field.
/// </summary>
internal static class ArtefactJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The artefact as indented JSON text with a final newline.</summary>
    public static string Write<T>(T value, JsonTypeInfo<T> contract)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Indented))
        {
            JsonSerializer.Serialize(json, value, contract);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>The artefact as one line of JSON (no final newline), for JSON Lines files.</summary>
    public static string WriteLine<T>(T value, JsonTypeInfo<T> contract)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Compact))
        {
            JsonSerializer.Serialize(json, value, contract);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Reads an artefact from <paramref name="text"/>; <paramref name="source"/> names the file in errors, <paramref name="firstLine"/> is the line the text starts on.</summary>
    /// <exception cref="DataValidationException">The text is not JSON of the artefact's shape.</exception>
    public static T Read<T>(string text, JsonTypeInfo<T> contract, string source, int firstLine = 1)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(text, contract);
        }
        catch (JsonException ex)
        {
            int? line = ex.LineNumber is long l ? firstLine + (int)l : null;
            // The text names the column and the JSON path of the field.
            throw new DataValidationException([new DataError(source, line, null, JsonErrorText.Describe(ex))]);
        }

        return value ?? throw new DataValidationException([new DataError(source, firstLine, null, "expected a JSON object, found null")]);
    }

    /// <summary>Reads an artefact file.</summary>
    /// <exception cref="DataValidationException">The file is not JSON of the artefact's shape.</exception>
    public static async Task<T> ReadFileAsync<T>(string path, JsonTypeInfo<T> contract, CancellationToken cancellationToken)
    {
        string text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Read(text, contract, path);
    }
}
