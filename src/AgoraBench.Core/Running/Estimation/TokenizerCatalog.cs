using System.Collections.Concurrent;

namespace AgoraBench;

/// <summary>
/// Chooses and caches the encoding tokens are counted with: the endpoint's own setting (o200k_base, cl100k_base or a
/// Llama-3 <c>tokenizer.model</c>), else by model name — o200k_base for GPT-4o-era OpenAI models, cl100k_base for older
/// ones, and cl100k_base as a stated approximation for models whose encodings are not available offline (Llama-3,
/// Claude).
/// </summary>
internal sealed class TokenizerCatalog
{
    private readonly ConcurrentDictionary<string, Lazy<ITokenCounter>> _counters = new(StringComparer.Ordinal);

    public static (string Key, bool Exact) Choose(ModelEndpoint? endpoint)
    {
        if (endpoint?.Tokenizer is { } tokenizer)
        {
            return (tokenizer, true);
        }

        string model = endpoint?.Model.ToLowerInvariant() ?? string.Empty;
        if (model.Contains("gpt-4o", StringComparison.Ordinal) || model.Contains("gpt-4.1", StringComparison.Ordinal) || model.Contains("gpt-5", StringComparison.Ordinal)
            || model.StartsWith("o1", StringComparison.Ordinal) || model.StartsWith("o3", StringComparison.Ordinal) || model.StartsWith("o4", StringComparison.Ordinal)
            || model.StartsWith("ft:gpt-4o", StringComparison.Ordinal))
        {
            return ("o200k_base", true);
        }

        if (model.Contains("gpt-4", StringComparison.Ordinal) || model.Contains("gpt-3.5", StringComparison.Ordinal) || model.StartsWith("text-embedding", StringComparison.Ordinal))
        {
            return ("cl100k_base", true);
        }

        return ("cl100k_base", false);
    }

    public static string Label(string key, bool exact)
    {
        string name = key is "o200k_base" or "cl100k_base" ? key : "llama3:" + Path.GetFileName(key);
        return exact ? name : "≈" + name;
    }

    public ITokenCounter Get(string key) => _counters.GetOrAdd(key, k => new Lazy<ITokenCounter>(() => k switch
    {
        "o200k_base" => TokenizerTokenCounter.ForOpenAIModel("gpt-4o"),
        "cl100k_base" => TokenizerTokenCounter.ForOpenAIModel("gpt-4"),
        _ => TokenizerTokenCounter.FromLlama3TokenizerFile(k),
    })).Value;
}
