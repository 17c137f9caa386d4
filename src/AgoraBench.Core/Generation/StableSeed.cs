namespace AgoraBench;

/// <summary>
/// Derives a random seed from several integers the same way in every process (SplitMix64 finalizer), unlike
/// <see cref="HashCode.Combine{T1, T2}(T1, T2)"/>, whose values change from one process to the next. A resumed run
/// must build the same prompts and wait the same back-off as the run it continues.
/// </summary>
internal static class StableSeed
{
    public static int Mix(params ReadOnlySpan<int> values)
    {
        ulong state = 0x9E3779B97F4A7C15UL;
        foreach (int value in values)
        {
            state += unchecked((ulong)(uint)value) + 0x9E3779B97F4A7C15UL;
            ulong z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            state = z ^ (z >> 31);
        }

        return unchecked((int)(state ^ (state >> 32)));
    }

    /// <summary>A domain's share of a seed: its paper order for the built-in three (as before domains were open), else a stable hash of its name.</summary>
    public static int Of(BenchmarkDomain domain)
    {
        if (domain.IsBuiltIn)
        {
            return domain.Ordinal;
        }

        int seed = 3;
        foreach (char c in domain.Name)
        {
            seed = Mix(seed, c);
        }

        return seed;
    }
}
