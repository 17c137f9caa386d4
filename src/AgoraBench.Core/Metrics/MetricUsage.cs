namespace AgoraBench;

/// <summary>What a metric's model calls used.</summary>
/// <param name="Requests">The number of requests sent (re-asks included).</param>
/// <param name="InputTokens">Input tokens the endpoint reported.</param>
/// <param name="OutputTokens">Output tokens the endpoint reported.</param>
public sealed record MetricUsage(long Requests, long InputTokens, long OutputTokens)
{
    /// <summary>Adds two usages.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>The sum.</returns>
    public static MetricUsage operator +(MetricUsage left, MetricUsage right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new(left.Requests + right.Requests, left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens);
    }

    /// <summary>Gets the cost of this usage in USD at the given prices.</summary>
    /// <param name="inputUsdPerMillionTokens">USD per million input tokens.</param>
    /// <param name="outputUsdPerMillionTokens">USD per million output tokens.</param>
    /// <returns>(input tokens × input price + output tokens × output price) / 1,000,000.</returns>
    public double CostUsd(double inputUsdPerMillionTokens, double outputUsdPerMillionTokens) =>
        ((InputTokens * inputUsdPerMillionTokens) + (OutputTokens * outputUsdPerMillionTokens)) / 1_000_000;

    /// <summary>Adds two usages.</summary>
    /// <param name="other">The other usage.</param>
    /// <returns>The sum.</returns>
    public MetricUsage Add(MetricUsage other) => this + other;
}
