namespace AgoraBench;

/// <summary>
/// Configuration of an AGORABENCH study: which settings to run, how many instances to generate, the random seed and
/// how PGR is aggregated. Validated once, at start-up, with every problem reported together.
/// </summary>
public sealed class AgoraBenchOptions
{
    /// <summary>Gets the settings to run.</summary>
    /// <value>The default value is all nine settings.</value>
    public IList<AgoraBenchSetting> Settings { get; } = [.. AgoraBenchSettings.All];

    /// <summary>Gets or sets the number of instances to generate per setting and generator.</summary>
    /// <value>The default value is 10,000, as in the paper.</value>
    public int InstancesPerSetting { get; set; } = AgoraBenchConstants.InstancesPerSetting;

    /// <summary>Gets or sets the seed of every random choice (demonstrations, themes, sampling order).</summary>
    /// <value>The default value is 42, as in the paper.</value>
    public int RandomSeed { get; set; } = AgoraBenchConstants.RandomSeed;

    /// <summary>Gets or sets the PGR options used by the registered <see cref="IPgrCalculator"/>.</summary>
    /// <value>The default value aggregates the mean of per-benchmark PGRs and accepts partial grids.</value>
    public PgrCalculationOptions Pgr { get; set; } = new();
}
