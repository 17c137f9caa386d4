using Microsoft.ML.Tokenizers;

namespace AgoraBench;

/// <summary>An <see cref="ITokenCounter"/> over any Microsoft.ML.Tokenizers <see cref="Tokenizer"/>: a tiktoken encoding (offline), or a Llama-3 <c>tokenizer.model</c> file.</summary>
public sealed class TokenizerTokenCounter : ITokenCounter
{
    // The Llama-3 pre-tokenization pattern (the tiktoken file itself carries only the ranks).
    private const string Llama3Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static readonly Lazy<TokenizerTokenCounter> SharedDefault = new(() => ForOpenAIModel());

    private readonly Tokenizer _tokenizer;

    /// <summary>Initializes a new instance of the <see cref="TokenizerTokenCounter"/> class.</summary>
    /// <param name="tokenizer">The tokenizer.</param>
    public TokenizerTokenCounter(Tokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
    }

    /// <summary>Gets the default counter (GPT-4o's o200k_base, loaded offline once per process).</summary>
    public static TokenizerTokenCounter Default => SharedDefault.Value;

    /// <summary>Creates a counter for an OpenAI model's tiktoken encoding (o200k_base for GPT-4o, cl100k_base for GPT-4 and GPT-3.5), offline.</summary>
    /// <param name="model">The model name, for example <c>gpt-4o</c> (default) or <c>gpt-4</c>.</param>
    /// <returns>The counter.</returns>
    /// <exception cref="NotSupportedException">The model has no known encoding.</exception>
    public static TokenizerTokenCounter ForOpenAIModel(string model = "gpt-4o")
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        return new TokenizerTokenCounter(TiktokenTokenizer.CreateForModel(model));
    }

    /// <summary>Creates a counter from a Llama-3 <c>tokenizer.model</c> (tiktoken format: base64 token and rank per line), the paper's length-check tokenizer.</summary>
    /// <param name="path">The tokenizer file.</param>
    /// <returns>The counter.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static TokenizerTokenCounter FromLlama3TokenizerFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenizer = TiktokenTokenizer.Create(stream, new RegexPreTokenizer(new System.Text.RegularExpressions.Regex(Llama3Pattern, System.Text.RegularExpressions.RegexOptions.Compiled), special), normalizer: null, special);
        return new TokenizerTokenCounter(tokenizer);
    }

    /// <inheritdoc/>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.CountTokens(text);
    }
}
