namespace AgoraBench;

/// <summary>An API price in US dollars per million tokens.</summary>
/// <param name="InputUsdPerMillionTokens">USD per million input (prompt) tokens.</param>
/// <param name="OutputUsdPerMillionTokens">USD per million output (completion) tokens.</param>
internal sealed record ModelPrice(decimal InputUsdPerMillionTokens, decimal OutputUsdPerMillionTokens)
{
    /// <summary>Gets the cost of the given token counts.</summary>
    /// <param name="inputTokens">Input tokens.</param>
    /// <param name="outputTokens">Output tokens.</param>
    /// <returns>(input × input price + output × output price) / 1,000,000, in USD.</returns>
    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputUsdPerMillionTokens) + (outputTokens * OutputUsdPerMillionTokens)) / 1_000_000m;
}
