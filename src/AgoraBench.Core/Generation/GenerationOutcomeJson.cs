using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgoraBench;

/// <summary>Serialises the generation logs' JSON Lines records (typed, source-generated) as one line each.</summary>
internal static class GenerationOutcomeJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record as one line of UTF-8 JSON with its final newline, ready to append whole.</summary>
    public static byte[] Line<T>(T record, JsonTypeInfo<T> contract)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, record, contract);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
