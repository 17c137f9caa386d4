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
    internal TokenizerTokenCounter(Tokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        _tokenizer = tokenizer;
    }

    /// <summary>Gets the default counter (GPT-4o's o200k_base, loaded offline once per process).</summary>
    internal static TokenizerTokenCounter Default => SharedDefault.Value;

    /// <summary>Creates a counter for an OpenAI model's tiktoken encoding (o200k_base for GPT-4o, cl100k_base for GPT-4 and GPT-3.5), offline.</summary>
    /// <param name="model">The model name, for example <c>gpt-4o</c> (default) or <c>gpt-4</c>.</param>
    /// <returns>The counter.</returns>
    /// <exception cref="NotSupportedException">The model has no known encoding.</exception>
    internal static TokenizerTokenCounter ForOpenAIModel(string model = "gpt-4o")
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
    /// <remarks>
    /// Byte-pair encoding is quadratic in the length of one pre-token, so a long run of one character class (a
    /// 1 MB word, a megabyte of spaces) would take minutes. Such runs are counted in pieces of at most
    /// <see cref="MaxRunLength"/> characters, which keeps the count linear in the text and changes it by at most one
    /// token per cut; ordinary text has no run that long and is counted whole.
    /// </remarks>
    public int CountTokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int total = 0;
        int start = 0;
        foreach (int cut in LongRunCuts(text))
        {
            total += _tokenizer.CountTokens(text.AsSpan(start, cut - start));
            start = cut;
        }

        return total + _tokenizer.CountTokens(text.AsSpan(start));
    }

    /// <summary>The longest run of one character class counted as one piece.</summary>
    internal const int MaxRunLength = 256;

    // Positions where a run of one class (letters, digits, white space, anything else) reaches MaxRunLength; never
    // between the halves of a surrogate pair.
    internal static IEnumerable<int> LongRunCuts(string text)
    {
        int run = 0;
        int runClass = -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int cls = char.IsLetter(c) || char.IsSurrogate(c) ? 0 : char.IsDigit(c) ? 1 : char.IsWhiteSpace(c) ? 2 : 3;
            if (cls != runClass)
            {
                runClass = cls;
                run = 0;
            }

            if (run >= MaxRunLength && !char.IsLowSurrogate(c))
            {
                yield return i;
                run = 0;
            }

            run++;
        }
    }
}
