namespace AgoraBench;

/// <summary>
/// AlpacaEval 2.0's win rates against the baseline, computed as AlpacaEval's own code does: one game per instruction
/// with a continuous preference, the raw win rate with its standard error, and the length-controlled win rate —
/// by default <c>length_controlled_v1</c> (the leaderboard's), optionally <c>length_controlled_minimal</c>.
/// </summary>
/// <remarks>
/// <para>Lengths are counted in Unicode code points, as Python's <c>len</c> counts characters.</para>
/// <para>
/// <c>length_controlled_v1</c>: a logistic model without intercept, <c>logit p = β·tanh(Δ/sd(Δ)) + φ·γᵢ + θ</c>, with
/// Δ = len(baseline output) − len(model output) and γᵢ the difficulty of the game's instruction (i = the game's position),
/// fitted on the model's games (weight 1, continuous target preference − 1) and the gamed-baseline rows (weight 0.1,
/// no θ term) by L1-regularised logistic regression, C chosen from <c>logspace(-4, 4, 10)</c> by 5-fold cross-validation
/// on the continuous log-loss. The LC win rate is 100 · mean over the games of σ(θ + φ·γᵢ): the prediction at equal length.
/// </para>
/// <para><c>length_controlled_minimal</c> drops γ and the gamed rows; its LC win rate is 100 · σ(θ).</para>
/// </remarks>
internal static class WinRate
{
    /// <summary>The weight of each gamed-baseline row: AlpacaEval's <c>regularize_to_baseline_lambda</c> 0.2 over its two gamed baselines.</summary>
    internal const double GamedRowWeight = 0.2 / 2;

    /// <summary>
    /// Scores the baseline against itself, as AlpacaEval's leaderboard does: the raw win rate of its games (with
    /// <see cref="WinRateMethod.Minimal"/>), and a length-controlled win rate of 50 by definition.
    /// </summary>
    /// <param name="games">The baseline's games against itself.</param>
    /// <returns>The win rates.</returns>
    /// <exception cref="DataValidationException">No game has a valid preference.</exception>
    public static WinRateResult ComputeBaseline(IReadOnlyList<AlpacaEvalGame> games)
    {
        var raw = Compute(games, WinRateMethod.Minimal);
        return new WinRateResult(raw.WinRate, 50, raw.StandardError, raw.Games)
        {
            LengthControlledStandardError = raw.LengthControlledStandardError,
            AdjustedShares = raw.AdjustedShares,
        };
    }

    /// <summary>Computes the raw and length-controlled win rates of one model.</summary>
    /// <param name="games">The model's games, one per instruction, in the evaluation set's order (the position picks the instruction's difficulty).</param>
    /// <param name="method">The length control; <see cref="WinRateMethod.LengthControlledV1"/> by default.</param>
    /// <param name="inputs">The instruction difficulties and gamed baselines; required by <see cref="WinRateMethod.LengthControlledV1"/>.</param>
    /// <returns>The win rates.</returns>
    /// <exception cref="DataValidationException">No game has a valid preference, v1 lacks its inputs, or there are more games than instruction difficulties.</exception>
    public static WinRateResult Compute(IReadOnlyList<AlpacaEvalGame> games, WinRateMethod method = WinRateMethod.LengthControlledV1, LengthControlInputs? inputs = null)
    {
        ArgumentNullException.ThrowIfNull(games);
        if (games.Count == 0)
        {
            throw new DataValidationException("There are no judged games.");
        }

        if (method == WinRateMethod.LengthControlledV1)
        {
            if (inputs is null)
            {
                throw new DataValidationException("length_controlled_v1 needs the instruction difficulties and the gamed baselines (AlpacaEval's instruction_difficulty.csv and df_gamed.csv); give them, or use the minimal method.");
            }

            if (games.Count > inputs.Instructions)
            {
                throw new DataValidationException($"There are {games.Count} games but only {inputs.Instructions} instruction difficulties; length_controlled_v1 looks the difficulty up by the game's position.");
            }
        }

        int n = games.Count;
        var y = new double?[n];
        var delta = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = Share(games[i].Preference);
            delta[i] = CodePoints(games[i].BaselineOutput) - CodePoints(games[i].ModelOutput);
        }

        double[] shares = [.. y.Where(v => v.HasValue).Select(v => v!.Value)];
        if (shares.Length == 0)
        {
            throw new DataValidationException($"None of the {n} games has a preference in [1, 2].");
        }

        double raw = 100 * shares.Average();
        double standardError = shares.Length > 1 ? 100 * SampleSd(shares) / Math.Sqrt(shares.Length) : 0;
        double sd = SampleSd(delta);
        double[] lengthFeature = [.. delta.Select(d => sd > 0 ? Math.Tanh(d / sd) : 0)];

        var x = new List<double[]>();
        var target = new List<double>();
        var weight = new List<double>();
        if (method == WinRateMethod.LengthControlledV1)
        {
            foreach (var row in inputs!.Gamed)
            {
                x.Add([Math.Tanh(row.StdDeltaLen), row.Difficulty, 0]);
                target.Add(row.Preference);
                weight.Add(GamedRowWeight);
            }
        }

        for (int i = 0; i < n; i++)
        {
            if (y[i] is double share)
            {
                x.Add(method == WinRateMethod.LengthControlledV1 ? [lengthFeature[i], inputs!.Difficulty(i), 1] : [lengthFeature[i], 1]);
                target.Add(share);
                weight.Add(1);
            }
        }

        var (coefficients, c) = L1Logistic.CrossValidatedFit([.. x], [.. target], [.. weight]);
        double beta = coefficients[0];
        if (method == WinRateMethod.Minimal)
        {
            double thetaMinimal = coefficients[1];
            return new WinRateResult(raw, 100 * L1Logistic.Sigmoid(thetaMinimal), standardError, shares.Length)
            {
                RegularizationC = c,
                AdjustedShares = Adjusted(y, i => (beta * lengthFeature[i]) + thetaMinimal, _ => thetaMinimal),
            };
        }

        double phi = coefficients[1];
        double theta = coefficients[2];
        double[] predictions = [.. Enumerable.Range(0, n).Select(i => L1Logistic.Sigmoid(theta + (phi * inputs!.Difficulty(i))))];
        return new WinRateResult(raw, 100 * predictions.Average(), standardError, shares.Length)
        {
            LengthControlledStandardError = n > 1 ? 100 * SampleSd(predictions) / Math.Sqrt(n) : 0,
            RegularizationC = c,
            AdjustedShares = Adjusted(y, i => (beta * lengthFeature[i]) + (phi * inputs!.Difficulty(i)) + theta, i => (phi * inputs!.Difficulty(i)) + theta),
        };
    }

    /// <summary>
    /// Each game's share with the fitted length effect taken out: the share minus the model's prediction at the game's
    /// length difference plus its prediction at equal length; <see langword="null"/> for a game without a share. Their
    /// mean tracks the length-controlled win rate, so resampling them resamples that score with the fit held fixed.
    /// </summary>
    private static double?[] Adjusted(double?[] shares, Func<int, double> fitted, Func<int, double> equalLength) =>
        [.. shares.Select((share, i) => share is double v ? v - L1Logistic.Sigmoid(fitted(i)) + L1Logistic.Sigmoid(equalLength(i)) : (double?)null)];

    /// <summary>The model's preference in a game: 1 for a win, 0.5 for a tie, 0 for a loss (strong and weak verdicts alike).</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="modelIsA">Whether the model's answer was shown first.</param>
    /// <returns>The preference.</returns>
    internal static double Preference(PairwiseVerdict verdict, bool modelIsA) => verdict switch
    {
        PairwiseVerdict.Tie => 0.5,
        PairwiseVerdict.AMuchBetter or PairwiseVerdict.ABetter => modelIsA ? 1 : 0,
        _ => modelIsA ? 0 : 1,
    };

    /// <summary>The length of a text in Unicode code points (a lone surrogate counts as one).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The length.</returns>
    internal static int CodePoints(string text)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>The model's share of a game (preference − 1, a 0 tie as 0.5), or <see langword="null"/> for a missing or out-of-range preference.</summary>
    private static double? Share(double? preference) => preference switch
    {
        0 => 0.5,
        double p when p >= 1 && p <= 2 => p - 1,
        _ => null,
    };

    private static double SampleSd(double[] values)
    {
        if (values.Length < 2)
        {
            return 0;
        }

        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }
}
