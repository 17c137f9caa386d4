namespace AgoraBench;

/// <summary>One generation call.</summary>
public sealed class GenerationRequest
{
    /// <summary>Initializes a new instance of the <see cref="GenerationRequest"/> class.</summary>
    /// <param name="method">The value of <see cref="Method"/>.</param>
    /// <param name="domain">The value of <see cref="Domain"/>.</param>
    /// <param name="prompt">The value of <see cref="Prompt"/>.</param>
    /// <param name="style">The value of <see cref="Style"/>.</param>
    public GenerationRequest(GenerationMethod method, BenchmarkDomain domain, string prompt, PromptStyle style = PromptStyle.Agora)
    {
        Method = method;
        Domain = domain;
        Prompt = prompt;
        Style = style;
    }

    /// <summary>Gets the generation method.</summary>
    public GenerationMethod Method { get; }

    /// <summary>Gets the domain.</summary>
    public BenchmarkDomain Domain { get; }

    /// <summary>Gets the filled meta-prompt (the user message).</summary>
    public string Prompt { get; }

    /// <summary>Gets the prompt style, which selects the parser.</summary>
    public PromptStyle Style { get; }

    /// <summary>Gets the item: the seed index (response generation, quality enhancement) or the sample number (instance generation); set by the engine.</summary>
    public int Item { get; internal init; }

    /// <summary>Gets the attempt number of the item (1-based); set by the engine.</summary>
    public int Attempt { get; internal init; } = 1;
}
