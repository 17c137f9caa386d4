namespace AgoraBench;

/// <summary>
/// AlpacaEval-style win rates against a reference: the raw win rate (ties count half) and a length-controlled win rate
/// from a logistic regression of the preference on the standardized length difference, read off with the length term
/// set to zero (the length part of AlpacaEval 2.0's GLM).
/// </summary>
public static class WinRate
{
    /// <summary>Computes raw and length-controlled win rates.</summary>
    /// <param name="judgments">For each game: the model's preference (1 win, 0.5 tie, 0 loss) and the model's and reference's output lengths.</param>
    /// <returns>(raw win rate, length-controlled win rate), in percent.</returns>
    /// <exception cref="DataValidationException">There are no games.</exception>
    public static (double Raw, double LengthControlled) Compute(IReadOnlyList<(double Preference, int ModelLength, int ReferenceLength)> judgments)
    {
        ArgumentNullException.ThrowIfNull(judgments);
        if (judgments.Count == 0)
        {
            throw new DataValidationException("There are no judged games.");
        }

        double raw = 100 * judgments.Average(j => j.Preference);
        double[] delta = [.. judgments.Select(j => (double)(j.ModelLength - j.ReferenceLength))];
        double mean = delta.Average();
        double sd = Math.Sqrt(delta.Sum(d => (d - mean) * (d - mean)) / Math.Max(1, delta.Length - 1));
        double[] x = [.. delta.Select(d => sd > 0 ? Math.Tanh(d / sd) : 0)];
        double[] y = [.. judgments.Select(j => j.Preference)];

        // Newton–Raphson for the logistic model logit(p) = a + b·x with fractional outcomes; a small ridge on the slope keeps it finite when outcomes separate by length.
        double a = 0, b = 0;
        const double Ridge = 1e-3;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = -Ridge * b, haa = 0, hab = 0, hbb = Ridge;
            for (int i = 0; i < x.Length; i++)
            {
                double p = 1 / (1 + Math.Exp(-(a + (b * x[i]))));
                double w = p * (1 - p);
                ga += y[i] - p;
                gb += (y[i] - p) * x[i];
                haa += w;
                hab += w * x[i];
                hbb += w * x[i] * x[i];
            }

            double det = (haa * hbb) - (hab * hab);
            if (Math.Abs(det) < 1e-12)
            {
                break;
            }

            double da = ((hbb * ga) - (hab * gb)) / det;
            double db = ((haa * gb) - (hab * ga)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return (raw, 100 / (1 + Math.Exp(-a)));
    }

    /// <summary>The model's preference in a game: 1 for a win, 0.5 for a tie, 0 for a loss (strong and weak verdicts alike).</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="modelIsA">Whether the model's answer was shown first.</param>
    /// <returns>The preference.</returns>
    public static double Preference(PairwiseVerdict verdict, bool modelIsA) => verdict switch
    {
        PairwiseVerdict.Tie => 0.5,
        PairwiseVerdict.AMuchBetter or PairwiseVerdict.ABetter => modelIsA ? 1 : 0,
        _ => modelIsA ? 0 : 1,
    };
}
