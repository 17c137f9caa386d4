using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgoraBench;

/// <summary>
/// Serialises one JSON Lines record at a time (compact, relaxed escaping, final newline) into a buffer it keeps and
/// reuses, so an append log costs no allocation per line. Not thread-safe: the owner calls it under the same lock as
/// the write that consumes the returned span, and the span is valid only until the next call.
/// </summary>
internal sealed class JsonLineBuffer : IDisposable
{
    private const int InitialCapacity = 4096;

    // A buffer grown past this by one huge line is dropped after that line rather than kept for the run.
    private const int RetainedCapacity = 1 << 20;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ArrayBufferWriter<byte> _buffer = new(InitialCapacity);
    private Utf8JsonWriter? _writer;

    /// <summary>The record serialised by its source-generated contract, as one line ending in a newline.</summary>
    public ReadOnlySpan<byte> Line<T>(T record, JsonTypeInfo<T> contract)
    {
        var writer = Start();
        JsonSerializer.Serialize(writer, record, contract);
        return Finish(writer);
    }

    /// <summary>The object <paramref name="write"/> writes for <paramref name="state"/>, as one line ending in a newline.</summary>
    public ReadOnlySpan<byte> Line<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var writer = Start();
        write(writer, state);
        return Finish(writer);
    }

    /// <summary>Releases the writer.</summary>
    public void Dispose() => _writer?.Dispose();

    private Utf8JsonWriter Start()
    {
        if (_buffer.Capacity > RetainedCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(InitialCapacity);
        }
        else
        {
            _buffer.ResetWrittenCount();
        }

        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(_buffer, Options);
        }
        else
        {
            _writer.Reset(_buffer);
        }

        return _writer;
    }

    private ReadOnlySpan<byte> Finish(Utf8JsonWriter writer)
    {
        writer.Flush();
        _buffer.Write("\n"u8);
        return _buffer.WrittenSpan;
    }
}
