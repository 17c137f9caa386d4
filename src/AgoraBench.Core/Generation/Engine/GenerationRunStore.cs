namespace AgoraBench;

/// <summary>
/// The durable record of a generation run: accepted instances in a JSON Lines file and every completion (accepted or
/// rejected, with usage) in <c>FILE.attempts.jsonl</c> beside it. Each line is written and flushed to the operating
/// system as it arrives, so a killed process loses at most the requests in flight; a torn last line is cut off on open.
/// </summary>
public sealed class GenerationRunStore : IAsyncDisposable
{
    private readonly FileStream _instances;
    private readonly FileStream _attempts;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private GenerationRunStore(string path, FileStream instances, FileStream attempts, IReadOnlyList<SyntheticInstance> existing)
    {
        Path = path;
        _instances = instances;
        _attempts = attempts;
        Existing = existing;
    }

    /// <summary>Gets the instance file.</summary>
    public string Path { get; }

    /// <summary>Gets the path of the attempt log.</summary>
    public string AttemptsPath => Path + ".attempts.jsonl";

    /// <summary>Gets the instances that were already in the file when it was opened.</summary>
    public IReadOnlyList<SyntheticInstance> Existing { get; }

    /// <summary>Opens a run store.</summary>
    /// <param name="path">The JSON Lines file of accepted instances.</param>
    /// <param name="resume">Whether to keep and return what is there; otherwise an existing file is an error (nothing paid for is overwritten).</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The store.</returns>
    /// <exception cref="IOException">The file exists and <paramref name="resume"/> is false.</exception>
    public static async Task<GenerationRunStore> OpenAsync(string path, bool resume, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        if (!resume && File.Exists(full) && new FileInfo(full).Length > 0)
        {
            throw new IOException($"{full} already exists; pass resume to continue it or choose another file.");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        IReadOnlyList<SyntheticInstance> existing = [];
        if (File.Exists(full))
        {
            CutTornLine(full);
            if (new FileInfo(full).Length > 0)
            {
                existing = await SyntheticDataset.ReadAsync(full, new SyntheticDatasetReadOptions { Format = SyntheticDatasetFormat.JsonLines }, cancellationToken).ConfigureAwait(false);
            }
        }

        CutTornLine(full + ".attempts.jsonl");
        var instances = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        var attempts = new FileStream(full + ".attempts.jsonl", FileMode.Append, FileAccess.Write, FileShare.Read);
        return new GenerationRunStore(full, instances, attempts, existing);
    }

    /// <summary>Appends an accepted instance and flushes it.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when the line is flushed.</returns>
    public async Task AppendInstanceAsync(SyntheticInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var buffer = new MemoryStream();
        await SyntheticDatasetWriter.WriteAsync(buffer, [instance], SyntheticDatasetFormat.JsonLines, cancellationToken).ConfigureAwait(false);
        await WriteAsync(_instances, buffer.ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends one completion to the attempt log and flushes it.</summary>
    /// <param name="itemId">The item the completion belongs to.</param>
    /// <param name="attempt">The attempt number (1-based).</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when the line is flushed.</returns>
    public async Task AppendAttemptAsync(string itemId, int attempt, GenerationOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(outcome);
        byte[] line = GenerationOutcomeJson.Line(outcome, writer =>
        {
            writer.WriteString("item", itemId);
            writer.WriteNumber("attempt", attempt);
            writer.WriteBoolean("accepted", outcome.Accepted);
        });
        await WriteAsync(_attempts, line, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _instances.DisposeAsync().ConfigureAwait(false);
        await _attempts.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>Cuts a file back to its last complete line (a process killed mid-write leaves a torn one).</summary>
    internal static void CutTornLine(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        long end = stream.Length;
        while (end > 0)
        {
            stream.Position = end - 1;
            if (stream.ReadByte() == '\n')
            {
                break;
            }

            end--;
        }

        stream.SetLength(end);
    }

    private async Task WriteAsync(FileStream stream, byte[] line, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A single write of the whole line, not cancellable half-way, so no torn lines under normal cancellation.
            await stream.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            await stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }
}
