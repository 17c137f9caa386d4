namespace AgoraBench;

/// <summary>A generator's API price.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="InputUsdPerMillionTokens">USD per million input (prompt) tokens.</param>
/// <param name="OutputUsdPerMillionTokens">USD per million output (completion) tokens.</param>
internal sealed record GeneratorPrice(string Generator, double InputUsdPerMillionTokens, double OutputUsdPerMillionTokens)
{
    /// <summary>Gets the cost in USD of the given token counts.</summary>
    /// <param name="inputTokens">Input tokens.</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <returns>(input × input price + output × output price) / 1,000,000.</returns>
    public double Cost(double inputTokens, double outputTokens) =>
        ((inputTokens * InputUsdPerMillionTokens) + (outputTokens * OutputUsdPerMillionTokens)) / 1_000_000;
}
