namespace AgoraBench;

/// <summary>A model's AlpacaEval win rates against the baseline.</summary>
public sealed class WinRateResult
{
    internal WinRateResult(double winRate, double lengthControlledWinRate, double standardError, int games)
    {
        WinRate = winRate;
        LengthControlledWinRate = lengthControlledWinRate;
        StandardError = standardError;
        Games = games;
    }

    /// <summary>Gets the model scored (AlpacaEval's <c>generator_2</c>); empty when the games were scored without a name.</summary>
    public string Model { get; private init; } = string.Empty;

    /// <summary>Gets the raw win rate in percent: 100 · the mean of (preference − 1) over the games with a valid preference.</summary>
    public double WinRate { get; }

    /// <summary>Gets the length-controlled win rate in percent.</summary>
    public double LengthControlledWinRate { get; }

    /// <summary>Gets the raw win rate's standard error in percent: 100 · sample sd of (preference − 1) / √n.</summary>
    public double StandardError { get; }

    /// <summary>Gets the games with a valid preference.</summary>
    public int Games { get; }

    /// <summary>Gets the official <c>lc_standard_error</c>: 100 · the sample sd of the per-instruction predictions / √n (v1 only), or <see langword="null"/>.</summary>
    public double? LengthControlledStandardError { get; internal init; }

    /// <summary>Gets the inverse regularisation strength chosen by cross-validation, or <see langword="null"/> when there was no fit.</summary>
    internal double? RegularizationC { get; init; }

    /// <summary>
    /// Gets each game's share (0 to 1) with the fitted length effect removed, in the games' order (<see langword="null"/>
    /// for a game without a valid preference): what the PGR bootstrap resamples for the length-controlled win rate.
    /// </summary>
    internal IReadOnlyList<double?> AdjustedShares { get; init; } = [];

    /// <summary>Copies the result under a model's name.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The same win rates, named.</returns>
    internal WinRateResult Named(string model) => new(WinRate, LengthControlledWinRate, StandardError, Games)
    {
        Model = model,
        LengthControlledStandardError = LengthControlledStandardError,
        RegularizationC = RegularizationC,
        AdjustedShares = AdjustedShares,
    };
}
