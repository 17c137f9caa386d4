namespace AgoraBench;

/// <summary>
/// L1-regularised logistic regression without intercept on weighted rows with continuous targets in [0, 1]:
/// minimises <c>‖c‖₁ + C · Σ w·[−y·log σ(x·c) − (1−y)·log(1−σ(x·c))]</c> (scikit-learn/liblinear's objective with each
/// row split into a weight-w·y positive and a weight-w·(1−y) negative copy). Solved by proximal Newton: a quadratic
/// model of the loss, its L1 problem solved by cyclic coordinate descent with soft thresholding, then a backtracking
/// line search on the true objective. Written here because the models have two or three features and no served .NET
/// package offers an L1 logistic fit with sample weights and continuous targets.
/// </summary>
internal static class L1Logistic
{
    /// <summary>The official grid of C values: <c>numpy.logspace(-4, 4, 10)</c>.</summary>
    public static IReadOnlyList<double> Grid { get; } = [.. Enumerable.Range(0, 10).Select(k => Math.Pow(10, -4 + (8.0 * k / 9)))];

    /// <summary>Fits the coefficients.</summary>
    /// <param name="x">Rows of features.</param>
    /// <param name="y">Targets in [0, 1].</param>
    /// <param name="w">Row weights.</param>
    /// <param name="c">The inverse regularisation strength.</param>
    /// <param name="rows">The rows to fit on, or <see langword="null"/> for all.</param>
    /// <returns>The coefficients.</returns>
    public static double[] Fit(double[][] x, double[] y, double[] w, double c, IReadOnlyList<int>? rows = null)
    {
        int d = x.Length == 0 ? 0 : x[0].Length;
        int[] use = rows is null ? [.. Enumerable.Range(0, x.Length)] : [.. rows];
        var coef = new double[d];
        var grad = new double[d];
        var hess = new double[d, d];
        var step = new double[d];
        double objective = Objective(x, y, w, c, use, coef);
        for (int outer = 0; outer < 200; outer++)
        {
            Array.Clear(grad);
            Array.Clear(hess);
            foreach (int r in use)
            {
                double p = Sigmoid(Dot(x[r], coef));
                double g = c * w[r] * (p - y[r]);
                double h = c * w[r] * Math.Max(p * (1 - p), 1e-12);
                for (int j = 0; j < d; j++)
                {
                    grad[j] += g * x[r][j];
                    for (int k = 0; k < d; k++)
                    {
                        hess[j, k] += h * x[r][j] * x[r][k];
                    }
                }
            }

            // Solve min_s g·s + ½ sᵀHs + ‖coef + s‖₁ by coordinate descent.
            Array.Clear(step);
            for (int sweep = 0; sweep < 10_000; sweep++)
            {
                double change = 0;
                for (int j = 0; j < d; j++)
                {
                    double a = hess[j, j] + 1e-12;
                    double b = grad[j];
                    for (int k = 0; k < d; k++)
                    {
                        b += hess[j, k] * step[k];
                    }

                    double u = coef[j] + step[j];
                    double target = SoftThreshold(u - (b / a), 1 / a);
                    change = Math.Max(change, Math.Abs(target - u));
                    step[j] += target - u;
                }

                if (change < 1e-13)
                {
                    break;
                }
            }

            double decrease = 0;
            for (int j = 0; j < d; j++)
            {
                decrease += (grad[j] * step[j]) + Math.Abs(coef[j] + step[j]) - Math.Abs(coef[j]);
            }

            if (step.All(s => Math.Abs(s) < 1e-12) || decrease > -1e-14)
            {
                break;
            }

            double t = 1;
            var trial = new double[d];
            double trialObjective;
            while (true)
            {
                for (int j = 0; j < d; j++)
                {
                    trial[j] = coef[j] + (t * step[j]);
                }

                trialObjective = Objective(x, y, w, c, use, trial);
                if (trialObjective <= objective + (0.01 * t * decrease) || t < 1e-10)
                {
                    break;
                }

                t /= 2;
            }

            if (trialObjective > objective)
            {
                break;
            }

            Array.Copy(trial, coef, d);
            bool converged = objective - trialObjective < 1e-13 * Math.Max(1, Math.Abs(objective)) && t * step.Max(Math.Abs) < 1e-10;
            objective = trialObjective;
            if (converged)
            {
                break;
            }
        }

        return coef;
    }

    /// <summary>
    /// Chooses C from <see cref="Grid"/> by k-fold cross-validation on the weighted continuous log-loss (lowest summed
    /// over the folds; ties to the smaller C), then refits on every row.
    /// </summary>
    /// <param name="x">Rows of features.</param>
    /// <param name="y">Targets in [0, 1].</param>
    /// <param name="w">Row weights.</param>
    /// <param name="folds">Number of folds; each row is one group (both its labelled copies stay in one fold).</param>
    /// <returns>The coefficients and the chosen C.</returns>
    public static (double[] Coefficients, double C) CrossValidatedFit(double[][] x, double[] y, double[] w, int folds = 5)
    {
        int n = x.Length;
        int[] fold = [.. Enumerable.Range(0, n).Select(r => r % folds)];
        double bestLoss = double.PositiveInfinity;
        double bestC = Grid[0];
        foreach (double c in Grid)
        {
            double total = 0;
            for (int f = 0; f < folds; f++)
            {
                var train = Enumerable.Range(0, n).Where(r => fold[r] != f).ToArray();
                var test = Enumerable.Range(0, n).Where(r => fold[r] == f).ToArray();
                if (test.Length == 0 || train.Length == 0)
                {
                    continue;
                }

                var coef = Fit(x, y, w, c, train);
                total += LogLoss(x, y, w, test, coef);
            }

            if (double.IsPositiveInfinity(bestLoss) || total < bestLoss - (1e-12 * Math.Abs(bestLoss)))
            {
                bestLoss = total;
                bestC = c;
            }
        }

        return (Fit(x, y, w, bestC), bestC);
    }

    /// <summary>σ(z).</summary>
    /// <param name="z">The log-odds.</param>
    /// <returns>The probability.</returns>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>The held-out score: mean over the labelled copies (two per row) of w·(−y·log p̂ − (1−y)·log(1−p̂)), p̂ clipped.</summary>
    private static double LogLoss(double[][] x, double[] y, double[] w, int[] rows, double[] coef)
    {
        double sum = 0;
        foreach (int r in rows)
        {
            double p = Math.Clamp(Sigmoid(Dot(x[r], coef)), 1e-15, 1 - 1e-15);
            sum += 2 * w[r] * (-(y[r] * Math.Log(p)) - ((1 - y[r]) * Math.Log(1 - p)));
        }

        return sum / (2.0 * rows.Length);
    }

    private static double Objective(double[][] x, double[] y, double[] w, double c, int[] rows, double[] coef)
    {
        double loss = 0;
        foreach (int r in rows)
        {
            double z = Dot(x[r], coef);

            // log(1 + e^(−z)) and log(1 + e^z), computed stably.
            double logOnePlusExpMinus = z > 0 ? Math.Log(1 + Math.Exp(-z)) : -z + Math.Log(1 + Math.Exp(z));
            double logOnePlusExp = logOnePlusExpMinus + z;
            loss += w[r] * ((y[r] * logOnePlusExpMinus) + ((1 - y[r]) * logOnePlusExp));
        }

        return (c * loss) + coef.Sum(Math.Abs);
    }

    private static double SoftThreshold(double value, double threshold) =>
        value > threshold ? value - threshold : value < -threshold ? value + threshold : 0;

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }
}
