namespace AgoraBench.OpenAI;

/// <summary>Options of <see cref="OpenAIFineTuningTrainer"/>.</summary>
public sealed class OpenAIFineTuningTrainerOptions
{
    /// <summary>Gets or sets the OpenAI-compatible base URL, or <see langword="null"/> for <c>https://api.openai.com/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the environment variable the API key is read from. The key itself is never stored or logged.</summary>
    /// <value>The default value is <c>OPENAI_API_KEY</c>.</value>
    public string ApiKeyEnvironmentVariable { get; set; } = "OPENAI_API_KEY";

    /// <summary>Gets or sets the first interval between status polls; it doubles while the job is queued, up to <see cref="MaxPollInterval"/>.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets or sets the longest interval between status polls.</summary>
    /// <value>The default value is 2 minutes.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many transient failures in a row (HTTP 429, 5xx, network errors) polling tolerates before failing.</summary>
    /// <value>The default value is 8.</value>
    public int MaxConsecutiveTransientFailures { get; set; } = 8;

    /// <summary>Gets or sets a suffix for the fine-tuned model's name, or <see langword="null"/> to use the request's run name.</summary>
    public string? Suffix { get; set; }

    /// <summary>Gets or sets a value indicating whether the batch size of the request's hyperparameters is sent (otherwise the provider chooses).</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool SendBatchSize { get; set; } = true;

    /// <summary>Lists every problem with the options.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"PollInterval must be positive; it is {PollInterval}.");
        }

        if (MaxPollInterval < PollInterval)
        {
            errors.Add($"MaxPollInterval ({MaxPollInterval}) must not be shorter than PollInterval ({PollInterval}).");
        }

        if (MaxConsecutiveTransientFailures < 0)
        {
            errors.Add("MaxConsecutiveTransientFailures must not be negative.");
        }

        if (string.IsNullOrWhiteSpace(ApiKeyEnvironmentVariable))
        {
            errors.Add("ApiKeyEnvironmentVariable must name an environment variable.");
        }

        if (Endpoint is { IsAbsoluteUri: false })
        {
            errors.Add("Endpoint must be an absolute URL.");
        }

        return errors;
    }
}
