namespace AgoraBench;

/// <summary>A model's price in US dollars per million tokens.</summary>
internal sealed record ManifestPriceDocument
{
    public required decimal Input { get; init; }

    public required decimal Output { get; init; }
}
