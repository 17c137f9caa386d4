namespace AgoraBench;

/// <summary>
/// Configuration of an AGORABENCH study registered with <c>AddAgoraBench</c>: how PGR is aggregated. Validated once,
/// at start-up, with every problem reported together.
/// </summary>
public sealed class AgoraBenchOptions
{
    /// <summary>Gets or sets the PGR options used by the registered <see cref="IPgrCalculator"/>.</summary>
    /// <value>The default value aggregates the mean of per-benchmark PGRs and accepts partial grids.</value>
    public PgrCalculationOptions Pgr { get; set; } = new();
}
