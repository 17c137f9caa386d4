using System.Globalization;

namespace AgoraBench;

/// <summary>Numbers as reports print them.</summary>
internal static class FixedDecimals
{
    /// <summary>A number with a fixed count of decimals; a value that rounds to zero is written without a sign (never "-0").</summary>
    public static string Format(double value, int decimals)
    {
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0 : rounded).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
