namespace AgoraBench;

/// <summary>How <see cref="WinRate"/> controls an AlpacaEval win rate for length.</summary>
internal enum WinRateMethod
{
    /// <summary>
    /// AlpacaEval 2.0's <c>length_controlled_v1</c>, the leaderboard's: features tanh(standardised length difference),
    /// instruction difficulty and model identity, the gamed-baseline rows at weight 0.1, L1 logistic regression with C
    /// chosen by 5-fold grouped cross-validation. Needs <see cref="LengthControlInputs"/>.
    /// </summary>
    LengthControlledV1 = 0,

    /// <summary>AlpacaEval's <c>length_controlled_minimal</c>: tanh(standardised length difference) and model identity only, on the model's games alone.</summary>
    Minimal = 1,
}
