namespace AgoraBench;

/// <summary>What <see cref="BradleyTerry"/>'s bootstrap resamples.</summary>
internal enum ArenaHardBootstrap
{
    /// <summary>
    /// Arena-Hard's own: each game becomes rows (a strong verdict <see cref="BradleyTerryOptions.StrongVerdictWeight"/>
    /// identical rows, any other verdict one row) and the rows are resampled with replacement.
    /// </summary>
    ExpandedRows = 0,

    /// <summary>Games are resampled with replacement, a strong verdict counting <see cref="BradleyTerryOptions.StrongVerdictWeight"/> wins (wider intervals than Arena-Hard's).</summary>
    WeightedGames = 1,
}
