namespace AgoraBench;

/// <summary>Options of <see cref="CompletionsLogProbabilityScorer"/>.</summary>
internal sealed class CompletionsLogProbabilityScorerOptions
{
    /// <summary>Gets or sets the OpenAI-compatible base URL, ending in <c>/v1</c> (for example a vLLM server).</summary>
    public required Uri Endpoint { get; set; }

    /// <summary>Gets or sets the model name, for example <c>meta-llama/Llama-3.1-8B</c> (the paper scores with the base student).</summary>
    public required string Model { get; set; }

    /// <summary>Gets or sets the environment variable holding the API key, or <see langword="null"/> for none.</summary>
    public string? ApiKeyEnvironmentVariable { get; set; }

    /// <summary>Gets or sets <c>max_tokens</c>; vLLM needs at least 1 with <c>echo</c>, and the generated token is ignored.</summary>
    /// <value>The default value is 1.</value>
    internal int MaxTokens { get; set; } = 1;

    /// <summary>Gets or sets how many times a request that fails with HTTP 408, 429, 5xx or a network error is retried (other 4xx never are).</summary>
    /// <value>The default value is 3.</value>
    internal int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first retry delay; it doubles with each retry, with jitter.</summary>
    /// <value>The default value is 1 second.</value>
    internal TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest retry delay, a server's <c>Retry-After</c> included.</summary>
    /// <value>The default value is 60 seconds.</value>
    internal TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets the clock of the retry delays.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
