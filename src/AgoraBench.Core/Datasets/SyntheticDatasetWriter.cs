using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgoraBench;

/// <summary>Serialises <see cref="SyntheticInstance"/> records with <see cref="Utf8JsonWriter"/>.</summary>
internal static class SyntheticDatasetWriter
{
    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private static readonly JsonWriterOptions ArrayOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
    };

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(Stream stream, IEnumerable<SyntheticInstance> instances, SyntheticDatasetFormat format, CancellationToken cancellationToken)
    {
        if (format == SyntheticDatasetFormat.JsonLines)
        {
            var buffer = new MemoryStream();
            using var writer = new Utf8JsonWriter(buffer, LineOptions);
            foreach (var instance in instances)
            {
                ArgumentNullException.ThrowIfNull(instance, nameof(instances));
                WriteInstance(writer, instance);
                writer.Flush();
                buffer.Write(NewLine);
                writer.Reset(buffer);
                if (buffer.Length >= 1 << 16)
                {
                    await FlushBufferAsync(buffer, stream, cancellationToken).ConfigureAwait(false);
                }
            }

            await FlushBufferAsync(buffer, stream, cancellationToken).ConfigureAwait(false);
            return;
        }

        var writerStream = new Utf8JsonWriter(stream, ArrayOptions);
        await using (writerStream.ConfigureAwait(false))
        {
            writerStream.WriteStartArray();
            foreach (var instance in instances)
            {
                ArgumentNullException.ThrowIfNull(instance, nameof(instances));
                WriteInstance(writerStream, instance);
                if (writerStream.BytesPending >= 1 << 16)
                {
                    await writerStream.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            writerStream.WriteEndArray();
            await writerStream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
    }

    internal static void WriteInstance(Utf8JsonWriter writer, SyntheticInstance instance)
    {
        writer.WriteStartObject();
        if (instance.Id is not null)
        {
            writer.WriteString(SyntheticDatasetFields.Id, instance.Id);
        }

        writer.WriteString(SyntheticDatasetFields.Instruction, instance.Instruction);
        writer.WriteString(SyntheticDatasetFields.Response, instance.Response);
        if (instance.Config is not null)
        {
            writer.WriteString(SyntheticDatasetFields.Config, instance.Config);
        }

        if (instance.Index is int index)
        {
            writer.WriteNumber(SyntheticDatasetFields.Index, index);
        }

        if (instance.Method is GenerationMethod method)
        {
            writer.WriteString(SyntheticDatasetFields.Method, AgoraBenchNames.ToName(method));
        }

        if (instance.Domain is BenchmarkDomain domain)
        {
            writer.WriteString(SyntheticDatasetFields.Domain, AgoraBenchNames.ToName(domain));
        }

        if (instance.Generator is not null)
        {
            writer.WriteString(SyntheticDatasetFields.Generator, instance.Generator);
        }

        if (instance.AdditionalProperties is { } extra)
        {
            foreach (var (name, value) in extra)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static async Task FlushBufferAsync(MemoryStream buffer, Stream stream, CancellationToken cancellationToken)
    {
        if (buffer.Length > 0)
        {
            await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
            buffer.SetLength(0);
        }
    }
}
