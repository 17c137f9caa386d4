using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// A delegating <see cref="IDataGenerator"/> that replays completions from a JSON Lines cache file. The key is the
/// generator name, method, domain, item, attempt and prompt, so sampling at temperature 1.0 never collapses to one
/// answer per prompt, and it never includes an endpoint or a key. Misses are appended and flushed as they arrive.
/// </summary>
public sealed class CachingDataGenerator : IDataGenerator, IAsyncDisposable
{
    private readonly IDataGenerator _inner;
    private readonly string _generator;
    private readonly Dictionary<string, GenerationOutcome> _entries;
    private readonly FileStream _file;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _hits;

    private CachingDataGenerator(IDataGenerator inner, string generator, Dictionary<string, GenerationOutcome> entries, FileStream file)
    {
        _inner = inner;
        _generator = generator;
        _entries = entries;
        _file = file;
    }

    /// <summary>Gets the number of requests answered from the cache.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Opens (or creates) a cache file in front of a generator.</summary>
    /// <param name="inner">The generator to call on a miss.</param>
    /// <param name="generator">The generator model's name, part of the key.</param>
    /// <param name="path">The cache file (JSON Lines).</param>
    /// <param name="cancellationToken">A token that cancels the read.</param>
    /// <returns>The caching generator.</returns>
    /// <exception cref="DataValidationException">A cache line is malformed (the file and line are named).</exception>
    public static async Task<CachingDataGenerator> OpenAsync(IDataGenerator inner, string generator, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(generator);
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var entries = new Dictionary<string, GenerationOutcome>(StringComparer.Ordinal);
        GenerationRunStore.CutTornLine(full);
        if (File.Exists(full))
        {
            int lineNumber = 0;
            var lines = await File.ReadAllLinesAsync(full, cancellationToken).ConfigureAwait(false);
            foreach (string line in lines)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    using var doc = JsonDocument.Parse(line);
                    var root = doc.RootElement;
                    string? code = root.TryGetProperty("reason", out var r) ? r.GetString() : null;
                    entries[root.GetProperty("key").GetString()!] = new GenerationOutcome(
                        root.TryGetProperty("instruction", out var i) ? i.GetString() : null,
                        root.TryGetProperty("response", out var resp) ? resp.GetString() : null,
                        code is null ? null : new GenerationRejection(code, root.GetProperty("detail").GetString() ?? string.Empty),
                        root.GetProperty("completion").GetString() ?? string.Empty,
                        root.TryGetProperty("finish_reason", out var f) ? f.GetString() : null,
                        root.GetProperty("input_tokens").GetInt64(),
                        root.GetProperty("output_tokens").GetInt64());
                }
                catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
                {
                    throw new DataValidationException([new DataError(full, lineNumber, null, "is not a cache entry: " + ex.Message)]);
                }
            }
        }

        var file = new FileStream(full, FileMode.Append, FileAccess.Write, FileShare.Read);
        return new CachingDataGenerator(inner, generator, entries, file);
    }

    /// <inheritdoc/>
    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string key = Key(request);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_entries.TryGetValue(key, out var cached))
            {
                Interlocked.Increment(ref _hits);
                return cached;
            }
        }
        finally
        {
            _gate.Release();
        }

        var outcome = await _inner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        byte[] line = GenerationOutcomeJson.Line(outcome, writer =>
        {
            writer.WriteString("key", key);
            writer.WriteString("instruction", outcome.Instruction);
            writer.WriteString("response", outcome.Response);
        });
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            _entries[key] = outcome;
            await _file.WriteAsync(line, CancellationToken.None).ConfigureAwait(false);
            await _file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return outcome;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _file.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private string Key(GenerationRequest request)
    {
        string material = string.Join('\u001f', _generator, AgoraBenchNames.ToName(request.Method), AgoraBenchNames.ToName(request.Domain), request.Item.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Style.ToString(), request.Prompt);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}
