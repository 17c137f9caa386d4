namespace AgoraBench;

/// <summary>
/// Leave-one-generator-out cross-validation of a model-fitting procedure over grouped observations, and split-conformal
/// interval widths learnt from its residuals. Every fold, at every depth, leaves out all the cells of one generator.
/// </summary>
internal sealed class ForecastCrossValidation(IReadOnlyList<double[]> rows, IReadOnlyList<double> y, IReadOnlyList<string> groups)
{
    /// <summary>Fits a model on the given observations and returns its predictor.</summary>
    internal delegate Func<double[], double> Fitter(int[] training);

    public int Count => rows.Count;

    public IReadOnlyList<double[]> Rows => rows;

    /// <summary>The generators among the given observations, in ordinal order.</summary>
    public string[] GroupsOf(int[] indices) => [.. indices.Select(i => groups[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Predicts each observation of <paramref name="indices"/> from a fit on the other generators' observations among them.</summary>
    public double[] LeaveOneGeneratorOut(Fitter fit, int[] indices)
    {
        double[] predictions = new double[indices.Length];
        foreach (string group in GroupsOf(indices))
        {
            int[] training = [.. indices.Where(i => groups[i] != group)];
            var predictor = fit(training);
            for (int k = 0; k < indices.Length; k++)
            {
                if (groups[indices[k]] == group)
                {
                    predictions[k] = predictor(rows[indices[k]]);
                }
            }
        }

        return predictions;
    }

    /// <summary>The mean squared leave-one-generator-out error of a procedure over <paramref name="indices"/>.</summary>
    public double LeaveOneGeneratorOutMse(Fitter fit, int[] indices)
    {
        double[] predictions = LeaveOneGeneratorOut(fit, indices);
        double sum = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            double r = y[indices[k]] - predictions[k];
            sum += r * r;
        }

        return sum / indices.Length;
    }

    /// <summary>Ridge with its penalty chosen by an inner leave-one-generator-out loop over the training observations (ties go to the larger penalty).</summary>
    public Fitter Ridge(IReadOnlyList<double> penalties) => training => RidgeFit(training, SelectPenalty(penalties, training)).Predict;

    public double SelectPenalty(IReadOnlyList<double> penalties, int[] training)
    {
        if (penalties.Count == 1 || GroupsOf(training).Length < 2)
        {
            return penalties.Max();
        }

        double best = double.PositiveInfinity;
        double chosen = penalties.Max();
        foreach (double penalty in penalties.OrderDescending())
        {
            double mse = LeaveOneGeneratorOutMse(t => RidgeFit(t, penalty).Predict, training);
            if (mse < best * (1 - 1e-9))
            {
                best = mse;
                chosen = penalty;
            }
        }

        return chosen;
    }

    public RidgeRegression RidgeFit(int[] training, double penalty) =>
        RidgeRegression.Fit([.. training.Select(i => rows[i])], [.. training.Select(i => y[i])], penalty);

    /// <summary>Predicts the mean response of the training observations, whatever the features.</summary>
    public Fitter Mean => training =>
    {
        double mean = training.Average(i => y[i]);
        return _ => mean;
    };

    /// <summary>
    /// The model's honest check: each generator is predicted by a fit without it, and its interval half-width is learnt
    /// from a leave-one-generator-out loop over the other generators only, so the coverage is measured on cells that
    /// played no part in either.
    /// </summary>
    public (double[] Predictions, double[] HalfWidths) Validate(Fitter fit, double level)
    {
        int[] all = [.. Enumerable.Range(0, rows.Count)];
        double[] predictions = LeaveOneGeneratorOut(fit, all);
        double[] halfWidths = new double[rows.Count];
        foreach (string group in GroupsOf(all))
        {
            int[] others = [.. all.Where(i => groups[i] != group)];
            double[] inner = LeaveOneGeneratorOut(fit, others);
            double q = ConformalHalfWidth([.. others.Select((i, k) => Math.Abs(y[i] - inner[k]))], level);
            foreach (int i in all.Where(i => groups[i] == group))
            {
                halfWidths[i] = q;
            }
        }

        return (predictions, halfWidths);
    }

    /// <summary>
    /// The split-conformal half-width: the ⌈(m + 1)·level⌉-th smallest of m absolute residuals (the largest when there
    /// are too few for the level).
    /// </summary>
    public static double ConformalHalfWidth(IReadOnlyList<double> absoluteResiduals, double level)
    {
        double[] sorted = [.. absoluteResiduals.Order()];
        int k = (int)Math.Ceiling((sorted.Length + 1) * level);
        return sorted[Math.Clamp(k, 1, sorted.Length) - 1];
    }

    /// <summary>Whether the conformal half-width at <paramref name="level"/> needs more residuals than there are.</summary>
    public static bool TooFewForLevel(int residuals, double level) => (int)Math.Ceiling((residuals + 1) * level) > residuals;
}
