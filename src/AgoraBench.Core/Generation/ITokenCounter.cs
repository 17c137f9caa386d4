namespace AgoraBench;

/// <summary>Counts tokens as a model's tokenizer would (used by the length check of generated instances).</summary>
public interface ITokenCounter
{
    /// <summary>Counts the tokens of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of tokens.</returns>
    int CountTokens(string text);
}
