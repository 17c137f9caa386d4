namespace AgoraBench;

/// <summary>Options of <see cref="BradleyTerry"/>.</summary>
internal sealed class BradleyTerryOptions
{
    /// <summary>Gets or sets how many games a strong verdict (<c>&gt;&gt;</c>) counts as.</summary>
    /// <value>The default value is 3, as in Arena-Hard.</value>
    internal int StrongVerdictWeight { get; set; } = 3;

    /// <summary>Gets or sets the number of bootstrap rounds (0 for none).</summary>
    /// <value>The default value is 100.</value>
    public int BootstrapRounds { get; set; } = 100;

    /// <summary>Gets or sets what the bootstrap resamples.</summary>
    /// <value>The default value is <see cref="ArenaHardBootstrap.ExpandedRows"/>, as Arena-Hard's own code.</value>
    internal ArenaHardBootstrap Bootstrap { get; set; } = ArenaHardBootstrap.ExpandedRows;

    /// <summary>Gets or sets the confidence level of the intervals.</summary>
    /// <value>The default value is 0.95.</value>
    internal double Confidence { get; set; } = 0.95;

    /// <summary>Gets or sets the bootstrap's random seed; the same seed gives the same intervals.</summary>
    /// <value>The default value is 42.</value>
    public int Seed { get; set; } = 42;

    /// <summary>Gets or sets the rating the baseline is anchored at (Elo scale: 400 points = 10:1 odds).</summary>
    /// <value>The default value is 1,000.</value>
    internal double BaselineRating { get; set; } = 1000;
}
