namespace AgoraBench;

/// <summary>Quantiles of sorted samples, as the bootstrap intervals read them.</summary>
internal static class Quantiles
{
    /// <summary>The <paramref name="q"/> quantile of ascending <paramref name="sorted"/> values, interpolating linearly between neighbours; NaN for no values.</summary>
    public static double Interpolated(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        double position = q * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
