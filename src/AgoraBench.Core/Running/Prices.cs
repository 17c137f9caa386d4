namespace AgoraBench;

/// <summary>The price of a model: the plan's, else the paper's Table 3 price for its six generators.</summary>
internal static class Prices
{
    public static ModelPrice? Of(PlanGenerator generator) => Discounted(generator.Endpoint, generator.Endpoint.Price ?? BuiltIn(generator.Name) ?? BuiltIn(generator.Endpoint.Model));

    public static ModelPrice? Of(ModelEndpoint? endpoint) => endpoint is null ? null : Discounted(endpoint, endpoint.Price ?? BuiltIn(endpoint.Model));

    // Prices in a plan are online prices; the batch API bills half.
    private static ModelPrice? Discounted(ModelEndpoint endpoint, ModelPrice? price) => price is null || endpoint.Backend != ModelBackend.Batch
        ? price
        : new ModelPrice(price.InputUsdPerMillionTokens * ModelEndpoint.BatchPriceFactor, price.OutputUsdPerMillionTokens * ModelEndpoint.BatchPriceFactor);

    /// <summary>The cost of a call: priced, free on a self-hosted endpoint without a price, else unknown (<see langword="null"/>).</summary>
    public static decimal? CostOrFree(ModelEndpoint? endpoint, long inputTokens, long outputTokens) =>
        Of(endpoint)?.Cost(inputTokens, outputTokens) ?? (endpoint?.IsSelfHosted == true ? 0 : null);

    private static ModelPrice? BuiltIn(string model) => PublishedResults.FindGenerator(model) is { } published
        ? new ModelPrice((decimal)published.InputUsdPerMillionTokens, (decimal)published.OutputUsdPerMillionTokens)
        : null;
}
