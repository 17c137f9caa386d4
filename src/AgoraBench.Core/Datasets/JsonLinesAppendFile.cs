using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AgoraBench;

/// <summary>
/// An append-only JSON Lines file (a cache, a log of paid results): existing lines are read back on open after a torn
/// last line is cut off, and each new line is written and flushed whole, one writer at a time.
/// </summary>
internal sealed class JsonLinesAppendFile : IAsyncDisposable, IDisposable
{
    private readonly FileStream _file;
    private readonly Lock _gate = new();
    private readonly JsonLineBuffer _line = new();

    private JsonLinesAppendFile(string path, FileStream file)
    {
        Path = path;
        _file = file;
    }

    internal string Path { get; }

    /// <summary>Opens a file, calling <paramref name="read"/> for each existing line; a line it cannot read is an error naming the file and line.</summary>
    public static async Task<JsonLinesAppendFile> OpenAsync(string path, Action<JsonElement> read, string what, CancellationToken cancellationToken)
    {
        string full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        TornLine.Cut(full);
        await ReadAsync(full, read, what, cancellationToken).ConfigureAwait(false);
        return new JsonLinesAppendFile(full, new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0));
    }

    /// <summary>Calls <paramref name="read"/> for each line of a JSON Lines file (none when it does not exist); a line it cannot read is an error naming the file and line.</summary>
    internal static async Task ReadAsync(string path, Action<JsonElement> read, string what, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return;
        }

        int lineNumber = 0;
        await foreach (string line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                read(document.RootElement);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new DataValidationException([new DataError(path, lineNumber, null, $"is not {what}: {ex.Message}")]);
            }
        }
    }

    /// <summary>Appends one line (which must end in a newline), handed to the operating system whole before this returns; not cancellable half-way.</summary>
    public Task AppendAsync(byte[] line)
    {
        lock (_gate)
        {
            // The stream is unbuffered: one synchronous write per line, no thread-pool hop, nothing left to flush.
            _file.Write(line);
        }

        return Task.CompletedTask;
    }

    /// <summary>Appends one record as a line (serialised under the write lock into a reused buffer), handed to the operating system whole before this returns.</summary>
    public Task AppendAsync<T>(T record, JsonTypeInfo<T> contract)
    {
        lock (_gate)
        {
            _file.Write(_line.Line(record, contract));
        }

        return Task.CompletedTask;
    }

    /// <summary>Closes the file.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public ValueTask DisposeAsync()
    {
        _line.Dispose();
        return _file.DisposeAsync();
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _line.Dispose();
        _file.Dispose();
    }
}
