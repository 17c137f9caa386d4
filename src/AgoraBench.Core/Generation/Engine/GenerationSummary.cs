namespace AgoraBench;

/// <summary>The totals of one generation run (this process only; earlier runs of a resumed file are counted in <see cref="Resumed"/>).</summary>
public sealed record GenerationSummary
{
    /// <summary>Gets the instances found in the output file before this run started.</summary>
    public int Resumed { get; init; }

    /// <summary>Gets the instances accepted in this run.</summary>
    public int Accepted { get; init; }

    /// <summary>Gets the items given up after <see cref="GenerationEngineOptions.MaxAttempts"/> rejected completions.</summary>
    public int Failed { get; init; }

    /// <summary>Gets the rejected completions by reason code.</summary>
    public IReadOnlyDictionary<string, int> RejectedByReason { get; init; } = new Dictionary<string, int>();

    /// <summary>Gets the completions received (accepted plus rejected).</summary>
    public int Completions { get; init; }

    /// <summary>Gets the transport failures that were retried (429, 5xx, timeouts).</summary>
    public int TransportRetries { get; init; }

    /// <summary>Gets the input tokens the endpoint reported.</summary>
    public long InputTokens { get; init; }

    /// <summary>Gets the output tokens the endpoint reported.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Gets the cost in USD, or <see langword="null"/> when no price was given.</summary>
    public decimal? Cost { get; init; }

    /// <summary>Gets why the run stopped early (budget, circuit open), or <see langword="null"/> when it finished.</summary>
    public string? StoppedReason { get; init; }
}
