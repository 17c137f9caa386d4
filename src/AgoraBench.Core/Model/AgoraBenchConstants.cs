namespace AgoraBench;

/// <summary>Numbers fixed by the paper, in one place.</summary>
internal static class AgoraBenchConstants
{
    /// <summary>Instances generated per setting (Table 1).</summary>
    public const int InstancesPerSetting = 10_000;

    /// <summary>The paper's random seed (Table 6).</summary>
    internal const int RandomSeed = 42;

    /// <summary>Relative tolerance under which a reference score counts as equal to the base score.</summary>
    internal const double ScoreEqualityTolerance = 1e-12;
}
