namespace AgoraBench;

/// <summary>One computed value next to the value the paper prints.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Quantity">What is compared: a method name (Table 2 average) or <c>overall</c> (Table 3).</param>
/// <param name="Computed">The value computed from the printed cells.</param>
/// <param name="Printed">The value the paper prints.</param>
internal sealed record PublishedComparison(string Generator, string Quantity, double Computed, double Printed)
{
    /// <summary>Gets |computed − printed|.</summary>
    public double Difference => Math.Abs(Computed - Printed);
}
