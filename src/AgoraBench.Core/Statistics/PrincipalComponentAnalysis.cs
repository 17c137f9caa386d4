using MathNet.Numerics.LinearAlgebra;

namespace AgoraBench;

/// <summary>PCA on z-scored features: the eigen-decomposition of the features' correlation matrix.</summary>
/// <remarks>
/// Features are standardised with their mean and sample standard deviation, so a feature measured in large units
/// (a reward-model score, a benchmark percentage) does not dominate. A constant feature cannot be standardised and is
/// reported as an error; fewer observations than features is allowed (the trailing eigenvalues are then zero).
/// </remarks>
internal static class PrincipalComponentAnalysis
{
    /// <summary>Fits a PCA.</summary>
    /// <param name="rows">One row of feature values per observation.</param>
    /// <param name="featureNames">The features' names.</param>
    /// <returns>All components, largest variance first.</returns>
    /// <exception cref="DataValidationException">Fewer than two observations, a non-finite value, or a constant feature (every such feature is named).</exception>
    public static PcaResult Fit(IReadOnlyList<IReadOnlyList<double>> rows, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        int n = rows.Count;
        int p = featureNames.Count;
        if (p == 0)
        {
            throw new ArgumentException("At least one feature is required.", nameof(featureNames));
        }

        if (rows.Any(r => r.Count != p))
        {
            throw new ArgumentException("Every row must have one value per feature.", nameof(rows));
        }

        if (n < 2)
        {
            throw new DataValidationException($"PCA needs at least 2 observations; there are {n}.");
        }

        var errors = new List<DataError>();
        double[] means = new double[p];
        double[] sds = new double[p];
        for (int j = 0; j < p; j++)
        {
            if (rows.Any(r => !double.IsFinite(r[j])))
            {
                errors.Add(new DataError(null, null, featureNames[j], "a value is not finite"));
                continue;
            }

            means[j] = rows.Average(r => r[j]);
            sds[j] = Math.Sqrt(rows.Sum(r => (r[j] - means[j]) * (r[j] - means[j])) / (n - 1));
            if (sds[j] <= 1e-12 * Math.Max(1, Math.Abs(means[j])))
            {
                errors.Add(new DataError(null, null, featureNames[j], "the feature is constant, so it cannot be standardised"));
            }
        }

        if (errors.Count > 0)
        {
            throw new DataValidationException(errors);
        }

        var z = Matrix<double>.Build.Dense(n, p, (i, j) => (rows[i][j] - means[j]) / sds[j]);
        var correlation = z.TransposeThisAndMultiply(z) / (n - 1);
        var evd = correlation.Evd(Symmetricity.Symmetric);
        int[] order = [.. Enumerable.Range(0, p).OrderByDescending(k => evd.EigenValues[k].Real)];
        double[] eigenvalues = [.. order.Select(k => Math.Max(0, evd.EigenValues[k].Real))];
        var vectors = Matrix<double>.Build.Dense(p, p, (f, c) => evd.EigenVectors[f, order[c]]);
        for (int c = 0; c < p; c++)
        {
            int largest = 0;
            for (int f = 1; f < p; f++)
            {
                if (Math.Abs(vectors[f, c]) > Math.Abs(vectors[largest, c]) + 1e-12)
                {
                    largest = f;
                }
            }

            if (vectors[largest, c] < 0)
            {
                vectors.SetColumn(c, vectors.Column(c).Negate());
            }
        }

        var scores = z * vectors;
        return new PcaResult(
            [.. featureNames],
            means,
            sds,
            eigenvalues,
            [.. Enumerable.Range(0, p).Select(f => (IReadOnlyList<double>)[.. vectors.Row(f)])],
            [.. Enumerable.Range(0, n).Select(i => (IReadOnlyList<double>)[.. scores.Row(i)])]);
    }
}
