namespace AgoraBench;

/// <summary>
/// Stands for <see cref="TokenizerTokenCounter.Default"/> without loading it: the o200k_base ranks (tens of megabytes
/// and most of a second to load) are read only when an instance is long enough to need counting, which ordinary
/// generation runs never meet (see <see cref="ITokenCounter"/>).
/// </summary>
internal sealed class LazyDefaultTokenCounter : ITokenCounter
{
    private LazyDefaultTokenCounter()
    {
    }

    /// <summary>Gets the one instance.</summary>
    public static LazyDefaultTokenCounter Instance { get; } = new();

    /// <inheritdoc/>
    public int CountTokens(string text) => TokenizerTokenCounter.Default.CountTokens(text);
}
