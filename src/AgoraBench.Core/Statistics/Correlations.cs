using MathNet.Numerics.Distributions;

namespace AgoraBench;

/// <summary>Pearson and Spearman correlation with p values.</summary>
/// <remarks>
/// Both p values use t = r·√((n − 2)/(1 − r²)) with n − 2 degrees of freedom (exact for Pearson under normality, the
/// usual large-sample approximation for Spearman). Ties get average ranks. A constant input throws a
/// <see cref="DataValidationException"/>: the coefficient is undefined.
/// </remarks>
internal static class Correlations
{
    /// <summary>Pearson's product-moment correlation.</summary>
    /// <param name="x">The first variable.</param>
    /// <param name="y">The second variable.</param>
    /// <returns>r and its p value.</returns>
    /// <exception cref="DataValidationException">Fewer than three pairs, a non-finite value, or a constant variable.</exception>
    public static CorrelationResult Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        double mx = x.Average();
        double my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        if (sxx <= 0 || syy <= 0)
        {
            throw new DataValidationException($"The {(sxx <= 0 ? "first" : "second")} variable is constant, so the correlation is undefined.");
        }

        double r = Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
        return new CorrelationResult(r, PValue(r, x.Count), x.Count);
    }

    /// <summary>Spearman's rank correlation (Pearson on average ranks).</summary>
    /// <param name="x">The first variable.</param>
    /// <param name="y">The second variable.</param>
    /// <returns>ρ and its p value.</returns>
    /// <exception cref="DataValidationException">Fewer than three pairs, a non-finite value, or a constant variable.</exception>
    public static CorrelationResult Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        return Pearson(Ranks(x), Ranks(y));
    }

    internal static double[] Ranks(IReadOnlyList<double> values)
    {
        int n = values.Count;
        int[] order = [.. Enumerable.Range(0, n).OrderBy(i => values[i])];
        double[] ranks = new double[n];
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            double rank = ((start + end) / 2.0) + 1;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }

    private static double PValue(double r, int n)
    {
        if (Math.Abs(r) >= 1)
        {
            return 0;
        }

        double t = r * Math.Sqrt((n - 2) / (1 - (r * r)));
        return Math.Clamp(2 * (1 - StudentT.CDF(0, 1, n - 2, Math.Abs(t))), 0, 1);
    }

    private static void Check(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The variables have {x.Count} and {y.Count} values.", nameof(y));
        }

        if (x.Count < 3)
        {
            throw new DataValidationException($"A correlation test needs at least 3 pairs; there are {x.Count}.");
        }

        if (x.Any(v => !double.IsFinite(v)) || y.Any(v => !double.IsFinite(v)))
        {
            throw new DataValidationException("A value is not finite.");
        }
    }
}
