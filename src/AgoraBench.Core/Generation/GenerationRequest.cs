namespace AgoraBench;

/// <summary>One generation call.</summary>
/// <param name="Method">The generation method.</param>
/// <param name="Domain">The domain.</param>
/// <param name="Prompt">The filled meta-prompt (the user message).</param>
/// <param name="Style">The prompt style, which selects the parser.</param>
public sealed record GenerationRequest(GenerationMethod Method, BenchmarkDomain Domain, string Prompt, PromptStyle Style = PromptStyle.Agora)
{
    /// <summary>Gets the item: the seed index (response generation, quality enhancement) or the sample number (instance generation).</summary>
    public int Item { get; init; }

    /// <summary>Gets the attempt number of the item (1-based).</summary>
    public int Attempt { get; init; } = 1;
}
