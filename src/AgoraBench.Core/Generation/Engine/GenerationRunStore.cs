using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// The durable record of a generation run: accepted instances in a JSON Lines file and every completion (accepted or
/// rejected, with usage) in <c>FILE.attempts.jsonl</c> beside it. Each line is handed to the operating system in one
/// write before its append returns (no buffering in the process), so a killed process loses at most the requests in
/// flight; a torn last line is cut off on open.
/// </summary>
/// <remarks>
/// Instance generation also writes each prompt to <c>FILE.issued.jsonl</c> before it is sent, because its prompts
/// show instances generated so far and so depend on timing. A resumed run sends the prompts that were issued but never
/// answered again word for word, so a batch still running or a cached answer is found instead of paid for twice.
/// </remarks>
internal sealed class GenerationRunStore : IAsyncDisposable
{
    private readonly FileStream _instances;
    private OutputFileLock? _lock;
    private readonly FileStream _attempts;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _writeLock = new();
    private readonly JsonLineBuffer _line = new();
    private JsonLinesAppendFile? _issued;

    private GenerationRunStore(string path, FileStream instances, FileStream attempts, IReadOnlyList<SyntheticInstance> existing, JsonLinesAppendFile? issued, IReadOnlyList<IssuedPrompt> outstanding, int highestIssued)
    {
        Path = path;
        _instances = instances;
        _attempts = attempts;
        _issued = issued;
        Existing = existing;
        Outstanding = outstanding;
        HighestIssued = highestIssued;
    }

    /// <summary>Gets the instance file.</summary>
    internal string Path { get; }

    /// <summary>Gets the path of the attempt log.</summary>
    internal string AttemptsPath => Path + ".attempts.jsonl";

    /// <summary>Gets the path of the log of prompts issued by instance generation.</summary>
    internal string IssuedPath => Path + ".issued.jsonl";

    /// <summary>Gets the instances that were already in the file when it was opened.</summary>
    internal IReadOnlyList<SyntheticInstance> Existing { get; }

    /// <summary>Gets the instance-generation prompts issued before the store was opened and never answered, by item number.</summary>
    internal IReadOnlyList<IssuedPrompt> Outstanding { get; }

    /// <summary>Gets the highest instance-generation item number ever issued, or -1.</summary>
    internal int HighestIssued { get; }

    /// <summary>Opens a run store.</summary>
    /// <param name="path">The JSON Lines file of accepted instances.</param>
    /// <param name="resume">Whether to keep and return what is there; otherwise an existing file is an error (nothing paid for is overwritten).</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The store.</returns>
    /// <exception cref="IOException">The file exists and <paramref name="resume"/> is false.</exception>
    /// <exception cref="OutputInUseException">Another store (in this process or another) has the file open.</exception>
    public static async Task<GenerationRunStore> OpenAsync(string path, bool resume, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        var fileLock = OutputFileLock.Acquire(full);
        try
        {
            var store = await OpenLockedAsync(full, resume, cancellationToken).ConfigureAwait(false);
            store._lock = fileLock;
            return store;
        }
        catch
        {
            fileLock.Dispose();
            throw;
        }
    }

    private static async Task<GenerationRunStore> OpenLockedAsync(string full, bool resume, CancellationToken cancellationToken)
    {
        if (!resume && File.Exists(full) && new FileInfo(full).Length > 0)
        {
            throw new IOException($"{full} already exists; pass resume to continue it or choose another file.");
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        IReadOnlyList<SyntheticInstance> existing = [];
        if (File.Exists(full))
        {
            TornLine.Cut(full);
            if (new FileInfo(full).Length > 0)
            {
                existing = await SyntheticDataset.ReadAsync(full, new SyntheticDatasetReadOptions { Format = SyntheticDatasetFormat.JsonLines }, cancellationToken).ConfigureAwait(false);
            }
        }

        TornLine.Cut(full + ".attempts.jsonl");
        JsonLinesAppendFile? issuedFile = null;
        IReadOnlyList<IssuedPrompt> outstanding = [];
        int highest = -1;
        if (!resume)
        {
            File.Delete(full + ".issued.jsonl");
        }
        else if (File.Exists(full + ".issued.jsonl"))
        {
            var issued = new Dictionary<(string Item, int Attempt), IssuedPrompt>();
            issuedFile = await JsonLinesAppendFile.OpenAsync(
                full + ".issued.jsonl",
                root =>
                {
                    var line = root.Deserialize(GenerationJsonContext.Default.IssuedPromptLine) ?? throw new JsonException("expected an object, found null");
                    var prompt = new IssuedPrompt(line.Number, line.Attempt, line.Prompt);
                    issued[(line.Item, prompt.Attempt)] = prompt;
                    highest = Math.Max(highest, prompt.Item);
                },
                "an issued prompt",
                cancellationToken).ConfigureAwait(false);
            outstanding = await OutstandingAsync(full + ".attempts.jsonl", issued, existing, cancellationToken).ConfigureAwait(false);
        }

        var instances = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        var attempts = new FileStream(full + ".attempts.jsonl", FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new GenerationRunStore(full, instances, attempts, existing, issuedFile, outstanding, highest);
    }

    /// <summary>Appends an accepted instance and flushes it.</summary>
    /// <param name="instance">The instance.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when the line is flushed.</returns>
    internal Task AppendInstanceAsync(SyntheticInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            _instances.Write(_line.Line(instance, static (writer, i) => SyntheticDatasetWriter.WriteInstance(writer, i)));
        }

        return Task.CompletedTask;
    }

    /// <summary>Appends one completion to the attempt log and flushes it.</summary>
    /// <param name="itemId">The item the completion belongs to.</param>
    /// <param name="attempt">The attempt number (1-based).</param>
    /// <param name="outcome">The outcome.</param>
    /// <param name="cancellationToken">A token that cancels the write.</param>
    /// <returns>A task that completes when the line is flushed.</returns>
    internal Task AppendAttemptAsync(string itemId, int attempt, GenerationOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(itemId);
        ArgumentNullException.ThrowIfNull(outcome);
        cancellationToken.ThrowIfCancellationRequested();
        var record = GenerationAttemptLine.From(itemId, attempt, outcome);
        lock (_writeLock)
        {
            // The streams are unbuffered: one synchronous write hands the whole line to the operating system before
            // this returns (a few microseconds into the page cache), with no thread-pool hop and no flush to wait
            // for; it is not cancellable half-way, so no torn lines under normal cancellation.
            _attempts.Write(_line.Line(record, GenerationJsonContext.Default.GenerationAttemptLine));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _instances.DisposeAsync().ConfigureAwait(false);
        await _attempts.DisposeAsync().ConfigureAwait(false);
        if (_issued is not null)
        {
            await _issued.DisposeAsync().ConfigureAwait(false);
        }

        _line.Dispose();
        _gate.Dispose();
        _lock?.Dispose();
    }

    /// <summary>Records an instance-generation prompt before it is sent (written and flushed whole).</summary>
    internal async Task AppendIssuedAsync(string itemId, int item, int attempt, string prompt)
    {
        if (_issued is null)
        {
            await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                _issued ??= await JsonLinesAppendFile.OpenAsync(IssuedPath, _ => { }, "an issued prompt", CancellationToken.None).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        await _issued.AppendAsync(new IssuedPromptLine(itemId, item, attempt, prompt), GenerationJsonContext.Default.IssuedPromptLine).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<IssuedPrompt>> OutstandingAsync(string attemptsPath, Dictionary<(string Item, int Attempt), IssuedPrompt> issued, IReadOnlyList<SyntheticInstance> existing, CancellationToken cancellationToken)
    {
        if (issued.Count == 0)
        {
            return [];
        }

        await JsonLinesAppendFile.ReadAsync(attemptsPath, root =>
            {
                var line = root.Deserialize(GenerationJsonContext.Default.GenerationAttemptLine) ?? throw new JsonException("expected an object, found null");
                issued.Remove((line.Item, line.Attempt));
            }, "an attempt record", cancellationToken).ConfigureAwait(false);
        var accepted = existing.Select(i => i.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return [.. issued.Where(p => !accepted.Contains(p.Key.Item)).Select(p => p.Value).OrderBy(p => p.Item).ThenBy(p => p.Attempt)];
    }
}
