using MathNet.Numerics.LinearAlgebra;

namespace AgoraBench;

/// <summary>
/// Ridge regression on standardised features: each feature is centred and scaled by its standard deviation over the
/// training rows, the response is centred, and the coefficients minimise squared error plus <c>penalty · ‖β‖²</c>.
/// A feature constant over the training rows gets no weight.
/// </summary>
internal sealed class RidgeRegression
{
    private readonly double[] _center;
    private readonly double[] _scale;
    private readonly double[] _coefficients;
    private readonly double _intercept;

    private RidgeRegression(double[] center, double[] scale, double[] coefficients, double intercept)
    {
        _center = center;
        _scale = scale;
        _coefficients = coefficients;
        _intercept = intercept;
    }

    public static RidgeRegression Fit(IReadOnlyList<double[]> rows, IReadOnlyList<double> y, double penalty)
    {
        int n = rows.Count;
        int p = rows[0].Length;
        double[] center = new double[p];
        double[] scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++)
            {
                mean += rows[i][j];
            }

            mean /= n;
            double variance = 0;
            for (int i = 0; i < n; i++)
            {
                variance += (rows[i][j] - mean) * (rows[i][j] - mean);
            }

            double sd = Math.Sqrt(variance / n);
            center[j] = mean;
            scale[j] = sd > 1e-12 * Math.Max(1, Math.Abs(mean)) ? sd : 0;
        }

        double yMean = y.Average();
        int[] active = [.. Enumerable.Range(0, p).Where(j => scale[j] > 0)];
        double[] coefficients = new double[p];
        if (active.Length > 0)
        {
            var z = Matrix<double>.Build.Dense(n, active.Length, (i, k) => (rows[i][active[k]] - center[active[k]]) / scale[active[k]]);
            var response = Vector<double>.Build.Dense(n, i => y[i] - yMean);
            var gram = z.TransposeThisAndMultiply(z) + (Matrix<double>.Build.DenseIdentity(active.Length) * penalty);
            var solution = gram.Svd(computeVectors: true).Solve(z.TransposeThisAndMultiply(response));
            for (int k = 0; k < active.Length; k++)
            {
                coefficients[active[k]] = solution[k];
            }
        }

        return new RidgeRegression(center, scale, coefficients, yMean);
    }

    public double Predict(double[] row)
    {
        double value = _intercept;
        for (int j = 0; j < row.Length; j++)
        {
            if (_scale[j] > 0)
            {
                value += _coefficients[j] * (row[j] - _center[j]) / _scale[j];
            }
        }

        return value;
    }
}
