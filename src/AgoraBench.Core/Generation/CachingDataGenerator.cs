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
    private readonly JsonLinesAppendFile _file;
    private readonly Lock _gate = new();
    private int _hits;

    private CachingDataGenerator(IDataGenerator inner, string generator, Dictionary<string, GenerationOutcome> entries, JsonLinesAppendFile file)
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
        var entries = new Dictionary<string, GenerationOutcome>(StringComparer.Ordinal);
        var file = await JsonLinesAppendFile.OpenAsync(
            path,
            root =>
            {
                var line = root.Deserialize(GenerationJsonContext.Default.GenerationCacheLine) ?? throw new JsonException("expected an object, found null");
                entries[line.Key] = line.ToOutcome();
            },
            "a cache entry",
            cancellationToken).ConfigureAwait(false);
        return new CachingDataGenerator(inner, generator, entries, file);
    }

    /// <inheritdoc/>
    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        string key = Key(request);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var cached))
            {
                Interlocked.Increment(ref _hits);
                return cached;
            }
        }

        var outcome = await _inner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _entries[key] = outcome;
        }

        await _file.AppendAsync(GenerationCacheLine.From(key, outcome), GenerationJsonContext.Default.GenerationCacheLine).ConfigureAwait(false);
        return outcome;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _file.DisposeAsync();

    private string Key(GenerationRequest request)
    {
        string material = string.Join('\u001f', _generator, AgoraBenchNames.ToName(request.Method), AgoraBenchNames.ToName(request.Domain), request.Item.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), request.Style.ToString(), request.Prompt);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }
}
