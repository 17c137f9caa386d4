using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgoraBench;

/// <summary>The JSON Lines form of a <see cref="GenerationOutcome"/>, shared by the run store's attempt log and the response cache.</summary>
internal static class GenerationOutcomeJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises one line: the leading fields, then the outcome's rejection, completion, finish reason and usage.</summary>
    public static byte[] Line(GenerationOutcome outcome, Action<Utf8JsonWriter> leadingFields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            leadingFields(writer);
            if (outcome.Rejection is { } rejection)
            {
                writer.WriteString("reason", rejection.Code);
                writer.WriteString("detail", rejection.Message);
            }

            writer.WriteString("finish_reason", outcome.FinishReason);
            writer.WriteNumber("input_tokens", outcome.InputTokens);
            writer.WriteNumber("output_tokens", outcome.OutputTokens);
            writer.WriteString("completion", outcome.Completion);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
