using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>Options of <see cref="StudentEvaluator"/>. The defaults are the paper's inference settings (Table 6).</summary>
internal sealed class StudentEvaluationOptions
{
    /// <summary>Gets or sets the sampling temperature, or <see langword="null"/> for the paper's: 0.2 for math, 0.0 otherwise.</summary>
    internal float? Temperature { get; set; }

    /// <summary>Gets or sets top_p.</summary>
    /// <value>The default value is 0.95.</value>
    internal float TopP { get; set; } = 0.95f;

    /// <summary>Gets or sets the maximum new tokens.</summary>
    /// <value>The default value is 1,024.</value>
    internal int MaxOutputTokens { get; set; } = 1024;

    /// <summary>
    /// Gets or sets demonstrations for few-shot prompting (the paper evaluates the base model few-shot and trained
    /// students and the reference zero-shot). Empty means zero-shot.
    /// </summary>
    public IReadOnlyList<BenchmarkProblem> FewShotExamples { get; set; } = [];

    /// <summary>Gets or sets how many requests run at once.</summary>
    /// <value>The default value is 8.</value>
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// Gets or sets how many times a request that failed in passing (HTTP 408, 429, 5xx, a timeout, a lost connection) is
    /// retried before the problem is recorded as failed. A refusal (any other 4xx) is never retried: it stops the run.
    /// </summary>
    /// <value>The default value is 3.</value>
    internal int MaxRetries { get; set; } = 3;

    /// <summary>Gets or sets the first delay before a retry; it doubles with each retry, with jitter.</summary>
    /// <value>The default value is 200 milliseconds.</value>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Gets or sets the longest delay before a retry, a server's <c>Retry-After</c> included.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets where the retry pipeline (<c>AgoraBench.StudentEvaluation</c>) logs its events, or <see langword="null"/> for nowhere; its metrics go to Polly's meter either way.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Gets or sets extra chat options merged into every request (for example a stop sequence), or <see langword="null"/>.</summary>
    internal ChatOptions? ChatOptions { get; set; }

    /// <summary>Gets the benchmark being run (its temperature and demonstration fields); <see langword="null"/> looks the benchmark id up among the built-in ones.</summary>
    public BenchmarkDefinition? Benchmark { get; init; }

    /// <summary>Gets or sets the clock of the delays between retries (a fake one in tests).</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
