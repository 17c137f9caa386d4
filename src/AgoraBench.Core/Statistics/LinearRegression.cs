using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AgoraBench;

/// <summary>Ordinary-least-squares linear regression with an intercept: coefficients, standard errors, t and F tests.</summary>
/// <remarks>
/// Degenerate input is reported, never turned into NaN: fewer observations than parameters, a non-finite value, a
/// constant response, or a predictor that is constant or a linear combination of the others each throw a
/// <see cref="DataValidationException"/> naming the problem.
/// </remarks>
internal static class LinearRegression
{
    /// <summary>Fits y = b0 + b1·x.</summary>
    /// <param name="x">The predictor.</param>
    /// <param name="y">The response.</param>
    /// <param name="predictorName">The predictor's name in the coefficient table.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="DataValidationException">The input is degenerate.</exception>
    public static RegressionResult FitSimple(IReadOnlyList<double> x, IReadOnlyList<double> y, string predictorName = "x")
    {
        ArgumentNullException.ThrowIfNull(x);
        return Fit([.. x.Select(v => (IReadOnlyList<double>)[v])], y, [predictorName]);
    }

    /// <summary>Fits y = b0 + b1·x1 + … + bp·xp.</summary>
    /// <param name="rows">One row of predictor values per observation.</param>
    /// <param name="y">The response, one value per observation.</param>
    /// <param name="predictorNames">The predictors' names, or <see langword="null"/> for <c>x1</c>, <c>x2</c>, ….</param>
    /// <returns>The fit.</returns>
    /// <exception cref="DataValidationException">The input is degenerate.</exception>
    public static RegressionResult Fit(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<double> y, IReadOnlyList<string>? predictorNames = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(y);
        int n = rows.Count;
        int p = n == 0 ? predictorNames?.Count ?? 0 : rows[0].Count;
        var names = predictorNames ?? [.. Enumerable.Range(1, p).Select(i => "x" + i)];
        var errors = new List<DataError>();
        if (y.Count != n)
        {
            throw new ArgumentException($"There are {n} predictor rows but {y.Count} responses.", nameof(y));
        }

        if (names.Count != p || rows.Any(r => r.Count != p))
        {
            throw new ArgumentException("Every row must have one value per predictor name.", nameof(rows));
        }

        if (n < p + 2)
        {
            throw new DataValidationException($"Regression needs more observations than parameters: {n} observations for {p + 1} parameters (at least {p + 2} needed).");
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(y[i]))
            {
                errors.Add(new DataError(null, null, "y", $"observation {i + 1}: the response {y[i]} is not finite"));
            }

            for (int j = 0; j < p; j++)
            {
                if (!double.IsFinite(rows[i][j]))
                {
                    errors.Add(new DataError(null, null, names[j], $"observation {i + 1}: {rows[i][j]} is not finite"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        double meanY = y.Average();
        double sst = y.Sum(v => (v - meanY) * (v - meanY));
        if (sst <= 1e-12 * Math.Max(1, y.Sum(v => v * v)))
        {
            throw new DataValidationException("The response is constant, so R² is undefined.");
        }

        var x = Matrix<double>.Build.Dense(n, p + 1, (i, j) => j == 0 ? 1.0 : rows[i][j - 1]);
        for (int j = 0; j < p; j++)
        {
            double first = rows[0][j];
            if (rows.All(r => r[j] == first))
            {
                errors.Add(new DataError(null, null, names[j], "the predictor is constant"));
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        var qr = x.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        double largest = Enumerable.Range(0, p + 1).Max(j => Math.Abs(qr.R[j, j]));
        for (int j = 1; j <= p; j++)
        {
            if (Math.Abs(qr.R[j, j]) <= 1e-10 * largest)
            {
                throw new DataValidationException([new DataError(null, null, names[j - 1], "the predictor is a linear combination of the others (collinear)")]);
            }
        }

        var yVector = Vector<double>.Build.Dense([.. y]);
        var beta = qr.Solve(yVector);
        var fitted = x * beta;
        var residuals = yVector - fitted;
        double sse = residuals.DotProduct(residuals);
        int df = n - p - 1;
        double sigma2 = sse / df;
        var rInverse = qr.R.Inverse();
        var covariance = rInverse * rInverse.Transpose() * sigma2;
        var studentT = new StudentT(0, 1, df);
        var coefficients = new RegressionCoefficient[p + 1];
        for (int j = 0; j <= p; j++)
        {
            double se = Math.Sqrt(Math.Max(0, covariance[j, j]));
            double t = se > 0 ? beta[j] / se : beta[j] == 0 ? 0 : Math.CopySign(double.PositiveInfinity, beta[j]);
            double pValue = double.IsInfinity(t) ? 0 : Math.Clamp(2 * (1 - studentT.CumulativeDistribution(Math.Abs(t))), 0, 1);
            coefficients[j] = new RegressionCoefficient(j == 0 ? "intercept" : names[j - 1], beta[j], se, t, pValue);
        }

        double r2 = Math.Clamp(1 - (sse / sst), 0, 1);
        double adjusted = 1 - ((1 - r2) * (n - 1) / df);
        double f = sse <= 0 ? double.PositiveInfinity : (sst - sse) / p / sigma2;
        double fp = double.IsInfinity(f) ? 0 : Math.Clamp(1 - FisherSnedecor.CDF(p, df, f), 0, 1);
        return new RegressionResult(n, coefficients, r2, adjusted, f, fp, Math.Sqrt(sigma2), [.. fitted], [.. residuals]);
    }
}
