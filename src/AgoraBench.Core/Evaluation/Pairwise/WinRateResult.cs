namespace AgoraBench;

/// <summary>A model's AlpacaEval win rates against the baseline.</summary>
/// <param name="WinRate">The raw win rate in percent: 100 · the mean of (preference − 1) over the games with a valid preference.</param>
/// <param name="LengthControlledWinRate">The length-controlled win rate in percent.</param>
/// <param name="StandardError">The raw win rate's standard error in percent: 100 · sample sd of (preference − 1) / √n.</param>
/// <param name="Games">The games with a valid preference.</param>
public sealed record WinRateResult(double WinRate, double LengthControlledWinRate, double StandardError, int Games)
{
    /// <summary>Gets the official <c>lc_standard_error</c>: 100 · the sample sd of the per-instruction predictions / √n (v1 only), or <see langword="null"/>.</summary>
    public double? LengthControlledStandardError { get; init; }

    /// <summary>Gets the inverse regularisation strength chosen by cross-validation, or <see langword="null"/> when there was no fit.</summary>
    public double? RegularizationC { get; init; }

    /// <summary>
    /// Gets each game's share (0 to 1) with the fitted length effect removed, in the games' order (<see langword="null"/>
    /// for a game without a valid preference): what the PGR bootstrap resamples for the length-controlled win rate.
    /// </summary>
    internal IReadOnlyList<double?> AdjustedShares { get; init; } = [];
}
