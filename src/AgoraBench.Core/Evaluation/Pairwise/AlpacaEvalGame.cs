namespace AgoraBench;

/// <summary>One AlpacaEval game: the baseline's output against the model's on one instruction, as AlpacaEval records it.</summary>
/// <param name="Preference">
/// The judge's continuous preference in [1, 2] (1 = the baseline's output, 2 = the model's; 1.5 or 0 a tie), or
/// <see langword="null"/> when the game has none (it is then left out of the win rate and the fit, but counts in the
/// length standardisation and the length-controlled average).
/// </param>
/// <param name="BaselineOutput">The baseline's output (<c>output_1</c>).</param>
/// <param name="ModelOutput">The model's output (<c>output_2</c>).</param>
public sealed record AlpacaEvalGame(double? Preference, string BaselineOutput, string ModelOutput);
