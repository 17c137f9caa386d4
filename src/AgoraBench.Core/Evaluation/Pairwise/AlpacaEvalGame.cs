namespace AgoraBench;

/// <summary>One AlpacaEval game: the baseline's output against the model's on one instruction, as AlpacaEval records it.</summary>
internal sealed class AlpacaEvalGame
{
    /// <summary>Initializes a new instance of the <see cref="AlpacaEvalGame"/> class.</summary>
    /// <param name="preference">/// The judge's continuous preference in [1, 2] (1 = the baseline's output, 2 = the model's; 1.5 or 0 a tie), or
/// <see langword="null"/> when the game has none (it is then left out of the win rate and the fit, but counts in the
/// length standardisation and the length-controlled average).
///</param>
    /// <param name="baselineOutput">The baseline's output (<c>output_1</c>).</param>
    /// <param name="modelOutput">The model's output (<c>output_2</c>).</param>
    public AlpacaEvalGame(double? preference, string baselineOutput, string modelOutput)
    {
        Preference = preference;
        BaselineOutput = baselineOutput;
        ModelOutput = modelOutput;
    }

    /// <summary>Gets /// The judge's continuous preference in [1, 2] (1 = the baseline's output, 2 = the model's; 1.5 or 0 a tie), or <see langword="null"/> when the game has none (it is then left out of the win rate and the fit, but counts in the length standardisation and the length-controlled average).</summary>
    public double? Preference { get; }

    /// <summary>Gets the baseline's output (<c>output_1</c>).</summary>
    public string BaselineOutput { get; }

    /// <summary>Gets the model's output (<c>output_2</c>).</summary>
    public string ModelOutput { get; }
}
