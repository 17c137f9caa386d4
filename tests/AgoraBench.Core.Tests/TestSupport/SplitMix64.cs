namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// The SplitMix64 generator, for tests that compute a reference (a bootstrap, say) with randomness of their own rather
/// than the library's.
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Returns the next index in [0, <paramref name="n"/>).</summary>
    public int Next(int n)
    {
        _state += 0x9E3779B97F4A7C15UL;
        ulong z = _state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)n);
    }
}
