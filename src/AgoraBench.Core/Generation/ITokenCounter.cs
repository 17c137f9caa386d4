namespace AgoraBench;

/// <summary>Counts tokens as a model's tokenizer would (used by the length check of generated instances).</summary>
/// <remarks>
/// A count never exceeds the text's length in UTF-8 bytes, as with every byte-level tokenizer (tiktoken, Llama-3, and
/// SentencePiece with byte fallback): <see cref="GenerationValidator"/> relies on it to skip texts too short to break
/// the length limit, so a counter is only asked about the rare long instance.
/// </remarks>
public interface ITokenCounter
{
    /// <summary>Counts the tokens of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of tokens.</returns>
    int CountTokens(string text);
}
