namespace AgoraBench;

/// <summary>Sampling and validation settings of <see cref="ChatDataGenerator"/>. The defaults are the paper's.</summary>
public sealed class ChatDataGeneratorOptions
{
    /// <summary>Gets or sets the system message (default: <see cref="MetaPrompts.SystemMessage"/>).</summary>
    internal string SystemMessage { get; set; } = MetaPrompts.SystemMessage;

    /// <summary>Gets or sets the model id sent with each request, or <see langword="null"/> to use the client's default.</summary>
    public string? ModelId { get; set; }

    /// <summary>Gets or sets the sampling temperature (default 1.0).</summary>
    internal float Temperature { get; set; } = 1.0f;

    /// <summary>Gets or sets nucleus-sampling top-p (default 0.9).</summary>
    internal float TopP { get; set; } = 0.9f;

    /// <summary>Gets or sets the maximum output tokens (default 4096); also the length limit of validation.</summary>
    internal int MaxOutputTokens { get; set; } = 4096;

    /// <summary>Gets the stop sequences (default <c>[END]</c>).</summary>
    internal IList<string> StopSequences { get; } = [GenerationParser.EndMarker];

    /// <summary>Gets or sets the token counter of the length check, or <see langword="null"/> for <see cref="TokenizerTokenCounter.Default"/> (o200k_base). The paper counts with Llama-3's tokenizer: <see cref="TokenizerTokenCounter.FromLlama3TokenizerFile"/>.</summary>
    public ITokenCounter? TokenCounter { get; set; }

    /// <summary>Gets or sets a value indicating whether the length check is skipped.</summary>
    internal bool SkipLengthCheck { get; set; }

    /// <summary>
    /// Gets or sets the domain whose validation rules check each instance (<see cref="BenchmarkDomain.Math"/>: one
    /// <c>[RESULT]</c>; <see cref="BenchmarkDomain.Code"/>: code compiles; any other: the general rules), or
    /// <see langword="null"/> for the request's own domain. A declared domain gets the general rules unless it names another.
    /// </summary>
    internal BenchmarkDomain? ValidatorDomain { get; set; }

    /// <summary>Lists every problem with these options.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Temperature is < 0 or > 2 || float.IsNaN(Temperature))
        {
            errors.Add($"Temperature must be between 0 and 2 (was {Temperature}).");
        }

        if (TopP is <= 0 or > 1 || float.IsNaN(TopP))
        {
            errors.Add($"TopP must be in (0, 1] (was {TopP}).");
        }

        if (MaxOutputTokens <= 0)
        {
            errors.Add($"MaxOutputTokens must be positive (was {MaxOutputTokens}).");
        }

        if (string.IsNullOrWhiteSpace(SystemMessage))
        {
            errors.Add("SystemMessage must not be empty.");
        }

        return errors;
    }
}
