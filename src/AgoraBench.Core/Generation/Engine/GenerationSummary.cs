namespace AgoraBench;

/// <summary>The totals of one generation run (this process only; earlier runs of a resumed file are counted in <see cref="Resumed"/>).</summary>
public sealed class GenerationSummary
{
    internal GenerationSummary()
    {
    }

    /// <summary>Gets the instances found in the output file before this run started.</summary>
    public int Resumed { get; internal init; }

    /// <summary>Gets the instances accepted in this run.</summary>
    public int Accepted { get; internal init; }

    /// <summary>Gets the items given up after <see cref="GenerationEngineOptions.MaxAttempts"/> rejected completions.</summary>
    public int Failed { get; internal init; }

    /// <summary>Gets the rejected completions by reason code.</summary>
    public IReadOnlyDictionary<string, int> RejectedByReason { get; internal init; } = new Dictionary<string, int>();

    /// <summary>Gets the completions received (accepted plus rejected).</summary>
    public int Completions { get; internal init; }

    /// <summary>Gets the transport failures that were retried (429, 5xx, timeouts).</summary>
    public int TransportRetries { get; internal init; }

    /// <summary>Gets the input tokens the endpoint reported.</summary>
    public long InputTokens { get; internal init; }

    /// <summary>Gets the output tokens the endpoint reported.</summary>
    public long OutputTokens { get; internal init; }

    /// <summary>Gets the cost in USD, or <see langword="null"/> when no price was given.</summary>
    public decimal? Cost { get; internal init; }

    /// <summary>Gets why the run stopped early (budget, circuit open), or <see langword="null"/> when it finished.</summary>
    public string? StoppedReason { get; internal init; }

    /// <summary>The summary in one line: accepted, resumed and failed items, rejections by reason, completions, tokens, cost and why it stopped.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        string rejected = RejectedByReason.Count == 0
            ? "none"
            : string.Join(", ", RejectedByReason.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        string cost = Cost is { } c ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"${c:F4}") : "unknown (no price)";
        string stopped = StoppedReason is null ? string.Empty : "; stopped early: " + StoppedReason;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"accepted {Accepted} (plus {Resumed} resumed), failed items {Failed}; rejected: {rejected}; completions {Completions}, transport retries {TransportRetries}; tokens: input {InputTokens}, output {OutputTokens}; cost {cost}{stopped}");
    }
}
