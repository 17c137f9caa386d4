namespace AgoraBench;

/// <summary>The price of a model: the plan's, else the paper's Table 3 price for its six generators.</summary>
internal static class Prices
{
    public static ModelPrice? Of(PlanGenerator generator) => generator.Endpoint.Price ?? BuiltIn(generator.Name) ?? BuiltIn(generator.Endpoint.Model);

    public static ModelPrice? Of(ModelEndpoint? endpoint) => endpoint is null ? null : endpoint.Price ?? BuiltIn(endpoint.Model);

    private static ModelPrice? BuiltIn(string model) => PublishedResults.FindGenerator(model) is { } published
        ? new ModelPrice((decimal)published.InputUsdPerMillionTokens, (decimal)published.OutputUsdPerMillionTokens)
        : null;
}
