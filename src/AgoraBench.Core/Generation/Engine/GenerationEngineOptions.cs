namespace AgoraBench;

/// <summary>What to generate and how hard to try. Validate with <see cref="Validate"/>, which lists every problem at once.</summary>
public sealed class GenerationEngineOptions
{
    /// <summary>Gets or sets the generation method.</summary>
    public GenerationMethod Method { get; set; }

    /// <summary>Gets or sets the domain.</summary>
    public BenchmarkDomain Domain { get; set; }

    /// <summary>Gets or sets the number of instances to generate (instance generation), or the number of seeds to process (response generation and quality enhancement; <see langword="null"/> processes them all).</summary>
    public int? Count { get; set; }

    /// <summary>Gets or sets the generator's name, written to each instance's <c>generator</c> field.</summary>
    public string Generator { get; set; } = "unknown";

    /// <summary>Gets or sets the number of requests in flight at once (default 8).</summary>
    public int Concurrency { get; set; } = 8;

    /// <summary>Gets or sets how many completions one item may use before it is given up (default 5). Rejections re-prompt at once.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets how many transport failures (429, 5xx, timeouts) one item may suffer (default 8); they back off with jitter.</summary>
    internal int MaxTransportRetries { get; set; } = 8;

    /// <summary>Gets or sets the first back-off delay (default 1 s); it doubles per retry.</summary>
    internal TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest wait, including a server's Retry-After (default 60 s).</summary>
    internal TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how many transport failures in a row, across all items, open the circuit and stop the run (default 25).</summary>
    internal int CircuitBreakerThreshold { get; set; } = 25;

    /// <summary>Gets or sets the random seed that makes every prompt reproducible (default 0).</summary>
    public int RandomSeed { get; set; }

    /// <summary>Gets or sets how instance-generation demonstrations are picked.</summary>
    internal DemonstrationMode DemonstrationMode { get; set; }

    /// <summary>Gets or sets the prompt style.</summary>
    public PromptStyle PromptStyle { get; set; }

    /// <summary>Gets or sets a custom template, or <see langword="null"/> for the built-in one. It is checked for required placeholders.</summary>
    public string? Template { get; set; }

    /// <summary>Gets or sets the themes an instance-generation prompt draws its <c>&lt;input_theme&gt;</c> from, or <see langword="null"/> for the paper's themes of the domain.</summary>
    internal IReadOnlyList<string>? Themes { get; set; }

    /// <summary>Gets or sets the price of one million input tokens in USD, or <see langword="null"/> when unknown.</summary>
    public decimal? PriceInputPerMillion { get; set; }

    /// <summary>Gets or sets the price of one million output tokens in USD, or <see langword="null"/> when unknown.</summary>
    public decimal? PriceOutputPerMillion { get; set; }

    /// <summary>Gets or sets a spending cap in USD: no request starts once the spend plus the dearest call so far would pass it.</summary>
    public decimal? Budget { get; set; }

    /// <summary>Gets or sets a request-per-minute limit, or <see langword="null"/> for none. Bursts of up to ten seconds' worth are allowed.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Gets or sets a token-per-minute limit (input plus output, estimated from the calls so far), or <see langword="null"/> for none.</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>
    /// Gets or sets the shard this run generates: response generation and quality enhancement take the seeds at
    /// positions <c>i - 1</c>, <c>i - 1 + N</c>, …; instance generation takes its share of <see cref="Count"/> with item
    /// numbers in the same residue class. Item ids stay global, so shards merge without clashes.
    /// </summary>
    /// <value>The default value is the whole (<c>1/1</c>).</value>
    public ShardSpec Shard { get; set; } = ShardSpec.Whole;

    /// <summary>Lists every problem with these options.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Method))
        {
            errors.Add($"Method '{Method}' is not a generation method.");
        }

        if (!Domain.IsBuiltIn && Template is null)
        {
            errors.Add($"Domain '{Domain}' is a declared domain with no built-in meta-prompt; set Template to its meta-prompt.");
        }

        if (Method == GenerationMethod.InstanceGeneration && Count is null)
        {
            errors.Add("Count is required for instance generation.");
        }

        if (Count is <= 0)
        {
            errors.Add($"Count must be positive (was {Count}).");
        }

        if (Concurrency is < 1 or > 100_000)
        {
            errors.Add($"Concurrency must be between 1 and 100,000 (was {Concurrency}); thousands make sense only with a batch back end.");
        }

        if (Shard.Count < 1 || Shard.Number < 1 || Shard.Number > Shard.Count)
        {
            errors.Add($"Shard {Shard} is not a shard; write i/N with 1 <= i <= N.");
        }

        if (MaxAttempts < 1)
        {
            errors.Add($"MaxAttempts must be at least 1 (was {MaxAttempts}).");
        }

        if (MaxTransportRetries < 0)
        {
            errors.Add($"MaxTransportRetries must not be negative (was {MaxTransportRetries}).");
        }

        if (RetryDelay < TimeSpan.Zero || MaxRetryDelay < RetryDelay)
        {
            errors.Add($"RetryDelay ({RetryDelay}) must be non-negative and at most MaxRetryDelay ({MaxRetryDelay}).");
        }

        if (CircuitBreakerThreshold < 1)
        {
            errors.Add($"CircuitBreakerThreshold must be at least 1 (was {CircuitBreakerThreshold}).");
        }

        if (PriceInputPerMillion is < 0 || PriceOutputPerMillion is < 0)
        {
            errors.Add("Prices must not be negative.");
        }

        if (Budget is not null && (Budget <= 0 || PriceInputPerMillion is null || PriceOutputPerMillion is null))
        {
            errors.Add("Budget must be positive and needs both prices.");
        }

        if (RequestsPerMinute is <= 0 || TokensPerMinute is <= 0)
        {
            errors.Add("RequestsPerMinute and TokensPerMinute must be positive when set.");
        }

        if (string.IsNullOrWhiteSpace(Generator))
        {
            errors.Add("Generator must name the generator model.");
        }

        if (Template is not null && Enum.IsDefined(Method))
        {
            errors.AddRange(MetaPrompts.Validate(Template, Method, Domain, PromptStyle));
        }

        return errors;
    }
}
