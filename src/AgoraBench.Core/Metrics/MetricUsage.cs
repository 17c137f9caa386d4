namespace AgoraBench;

/// <summary>What a metric's model calls used.</summary>
public sealed class MetricUsage
{
    /// <summary>Initializes a new instance of the <see cref="MetricUsage"/> class.</summary>
    /// <param name="requests">The number of requests sent (re-asks included).</param>
    /// <param name="inputTokens">Input tokens the endpoint reported.</param>
    /// <param name="outputTokens">Output tokens the endpoint reported.</param>
    public MetricUsage(long requests, long inputTokens, long outputTokens)
    {
        Requests = requests;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
    }

    /// <summary>Gets the number of requests sent (re-asks included).</summary>
    public long Requests { get; }

    /// <summary>Gets input tokens the endpoint reported.</summary>
    public long InputTokens { get; }

    /// <summary>Gets output tokens the endpoint reported.</summary>
    public long OutputTokens { get; }

    /// <summary>Gets the cost of this usage in USD at the given prices.</summary>
    /// <param name="inputUsdPerMillionTokens">USD per million input tokens.</param>
    /// <param name="outputUsdPerMillionTokens">USD per million output tokens.</param>
    /// <returns>(input tokens × input price + output tokens × output price) / 1,000,000.</returns>
    internal double CostUsd(double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) =>
        ((InputTokens * inputUsdPerMillionTokens) + (OutputTokens * outputUsdPerMillionTokens)) / 1_000_000;

    /// <summary>Adds two usages.</summary>
    /// <param name="other">The other usage.</param>
    /// <returns>The sum.</returns>
    internal MetricUsage Add(MetricUsage other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Requests + other.Requests, InputTokens + other.InputTokens, OutputTokens + other.OutputTokens);
    }
}
