using System.Globalization;

namespace AgoraBench;

/// <summary>How a confidence level reads in tables and sentences.</summary>
internal static class ConfidenceLevels
{
    /// <summary>The level as a percentage with at most two decimals, for example <c>95%</c> or <c>99.5%</c>.</summary>
    public static string Text(double level) => (level * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
