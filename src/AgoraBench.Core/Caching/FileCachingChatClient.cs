using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// A delegating <see cref="IChatClient"/> that keeps every finished response in a JSON Lines file and replays it for
/// the same request, so a judge or an evaluated model interrupted mid-run is never paid twice for an answer.
/// </summary>
/// <remarks>
/// The key is the SHA-256 of the model id, the messages and the sampling options (temperature, top-p, maximum tokens,
/// stop sequences, seed, response format); it never includes an endpoint or a key, so a moved server keeps its cache.
/// Only responses that finished normally are kept (no errors, no truncations). The same request asked again within a
/// session (a judge re-asking after an unparsable answer, a sampled judge scoring a duplicate) gets the next kept
/// response for that key, then a fresh one, so caching never collapses re-asks or samples into one answer. Streaming
/// calls pass through uncached. Replayed responses carry the usage of the original call and are marked as replayed, so
/// spend counters leave them out.
/// </remarks>
internal sealed class FileCachingChatClient : DelegatingChatClient
{
    private const string CacheHitProperty = "agorabench.cache_hit";
    private readonly string _modelId;
    private readonly Dictionary<string, List<CachedResponse>> _entries;
    private readonly Dictionary<string, int> _asked = new(StringComparer.Ordinal);
    private readonly JsonLinesAppendFile _file;
    private readonly Lock _gate = new();
    private int _hits;
    private int _misses;

    private FileCachingChatClient(IChatClient innerClient, string modelId, Dictionary<string, List<CachedResponse>> entries, JsonLinesAppendFile file)
        : base(innerClient)
    {
        _modelId = modelId;
        _entries = entries;
        _file = file;
    }

    /// <summary>Gets the number of responses replayed from the file.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Gets the number of requests passed to the inner client.</summary>
    public int Misses => Volatile.Read(ref _misses);

    /// <summary>Opens (or creates) a cache file in front of a client.</summary>
    /// <param name="innerClient">The client to call on a miss.</param>
    /// <param name="path">The cache file.</param>
    /// <param name="modelId">The model's id, part of every key (two models never share an answer).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The caching client.</returns>
    /// <exception cref="DataValidationException">A line of the file is not a cache entry (the file and line are named).</exception>
    public static async Task<FileCachingChatClient> OpenAsync(IChatClient innerClient, string path, string modelId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(innerClient);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        var entries = new Dictionary<string, List<CachedResponse>>(StringComparer.Ordinal);
        var file = await JsonLinesAppendFile.OpenAsync(
            path,
            root =>
            {
                string key = root.GetProperty("key").GetString()!;
                if (!entries.TryGetValue(key, out var list))
                {
                    entries[key] = list = [];
                }

                list.Add(new CachedResponse(
                    root.GetProperty("text").GetString()!,
                    root.TryGetProperty("finish_reason", out var finish) ? finish.GetString() : null,
                    root.GetProperty("input_tokens").GetInt64(),
                    root.GetProperty("output_tokens").GetInt64()));
            },
            "a chat cache entry",
            cancellationToken).ConfigureAwait(false);
        return new FileCachingChatClient(innerClient, modelId, entries, file);
    }

    /// <inheritdoc/>
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        string key = Key(list, options);
        lock (_gate)
        {
            int asked = _asked.GetValueOrDefault(key);
            _asked[key] = asked + 1;
            if (_entries.TryGetValue(key, out var cached) && asked < cached.Count)
            {
                Interlocked.Increment(ref _hits);
                return cached[asked].ToResponse(_modelId);
            }
        }

        Interlocked.Increment(ref _misses);
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        string text = response.Text;
        if (text.Length > 0 && (response.FinishReason is null || response.FinishReason == ChatFinishReason.Stop))
        {
            var entry = new CachedResponse(text, response.FinishReason?.Value, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
            lock (_gate)
            {
                if (!_entries.TryGetValue(key, out var kept))
                {
                    _entries[key] = kept = [];
                }

                kept.Add(entry);
            }

            await _file.AppendAsync(entry.ToLine(key)).ConfigureAwait(false);
        }

        return response;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Whether a response was replayed from the cache file (it reached no endpoint and cost nothing).</summary>
    internal static bool IsCacheHit(ChatResponse response) => response.AdditionalProperties?.ContainsKey(CacheHitProperty) == true;

    private string Key(IReadOnlyList<ChatMessage> messages, ChatOptions? options) => ChatRequestKey.Compute(options?.ModelId ?? _modelId, messages, options);

    private sealed record CachedResponse(string Text, string? FinishReason, long InputTokens, long OutputTokens)
    {
        public ChatResponse ToResponse(string modelId) => new(new ChatMessage(ChatRole.Assistant, Text))
        {
            ModelId = modelId,
            FinishReason = FinishReason is null ? null : new ChatFinishReason(FinishReason),
            Usage = new UsageDetails { InputTokenCount = InputTokens, OutputTokenCount = OutputTokens, TotalTokenCount = InputTokens + OutputTokens },
            AdditionalProperties = new AdditionalPropertiesDictionary { [CacheHitProperty] = true },
        };

        public byte[] ToLine(string key)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("key", key);
                json.WriteString("text", Text);
                if (FinishReason is not null)
                {
                    json.WriteString("finish_reason", FinishReason);
                }

                json.WriteNumber("input_tokens", InputTokens);
                json.WriteNumber("output_tokens", OutputTokens);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }
    }
}
