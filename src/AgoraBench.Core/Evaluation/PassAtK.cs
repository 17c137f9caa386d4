namespace AgoraBench;

/// <summary>The unbiased pass@k estimator (Chen et al., 2021): 1 − C(n − c, k) / C(n, k), computed as a stable product.</summary>
internal static class PassAtK
{
    /// <summary>Estimates pass@k from n samples of which c are correct.</summary>
    /// <param name="n">Samples drawn.</param>
    /// <param name="c">Correct samples.</param>
    /// <param name="k">k.</param>
    /// <returns>pass@k in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, c outside [0, n], or k outside [1, n].</exception>
    public static double Estimate(int n, int c, int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, n);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        if (n - c < k)
        {
            return 1.0;
        }

        // C(n−c, k)/C(n, k) = Π_{i = n−c+1}^{n} (1 − k / i)
        double failAll = 1.0;
        for (int i = n - c + 1; i <= n; i++)
        {
            failAll *= 1.0 - ((double)k / i);
        }

        return 1.0 - failAll;
    }
}
