namespace AgoraBench.OpenAI;

/// <summary>Settings of <see cref="OpenAIBatchChatClient"/>. The limits default to the OpenAI Batch API's (Azure OpenAI's are the same shape).</summary>
public sealed class OpenAIBatchOptions
{
    /// <summary>Gets or sets the folder that keeps the client's state: submitted batches and every collected answer (required; reusing it re-attaches).</summary>
    public string StateDirectory { get; set; } = string.Empty;

    /// <summary>Gets or sets the most requests in one batch file.</summary>
    /// <value>The default value is 50,000, the API's limit.</value>
    public int MaxRequestsPerBatch { get; set; } = 50_000;

    /// <summary>Gets or sets the largest batch file in bytes.</summary>
    /// <value>The default value is 190 MB, under the API's 200 MB.</value>
    public long MaxBatchBytes { get; set; } = 190L * 1024 * 1024;

    /// <summary>Gets or sets how long requests are collected before they are submitted (a batch file is sent sooner when it is full).</summary>
    /// <value>The default value is 2 seconds.</value>
    public TimeSpan FlushDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the first interval between status polls; it doubles while nothing changes.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the longest interval between status polls.</summary>
    /// <value>The default value is 5 minutes.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the completion window sent with each batch.</summary>
    /// <value>The default value is <c>24h</c>.</value>
    public string CompletionWindow { get; set; } = "24h";

    /// <summary>Gets or sets how many batches one request may go through (a first one, then resubmissions after a per-request error, an expiry or a retryable batch failure).</summary>
    /// <value>The default value is 4.</value>
    public int MaxRounds { get; set; } = 4;

    /// <summary>Gets or sets the clock of flushes and polls.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lists every problem with these options.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StateDirectory))
        {
            errors.Add("StateDirectory is required: the batch client keeps its submitted batches and answers there.");
        }

        if (MaxRequestsPerBatch is < 1 or > 50_000)
        {
            errors.Add($"MaxRequestsPerBatch must be between 1 and 50,000 (was {MaxRequestsPerBatch}).");
        }

        if (MaxBatchBytes is < 1024 or > 200L * 1024 * 1024)
        {
            errors.Add($"MaxBatchBytes must be between 1 KB and 200 MB (was {MaxBatchBytes}).");
        }

        if (FlushDelay < TimeSpan.Zero)
        {
            errors.Add("FlushDelay must not be negative.");
        }

        if (PollInterval <= TimeSpan.Zero || MaxPollInterval < PollInterval)
        {
            errors.Add("PollInterval must be positive and MaxPollInterval at least PollInterval.");
        }

        if (MaxRounds < 1)
        {
            errors.Add("MaxRounds must be at least 1.");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is required.");
        }

        return errors;
    }
}
