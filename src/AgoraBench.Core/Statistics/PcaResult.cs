namespace AgoraBench;

/// <summary>A principal component analysis of z-scored features.</summary>
/// <remarks>
/// <see cref="Loadings"/>[f][k] is the weight of feature f in component k (unit-length eigenvectors of the correlation
/// matrix). Signs are made deterministic: in every component the loading with the largest absolute value is positive.
/// </remarks>
internal sealed class PcaResult
{
    internal PcaResult(
        IReadOnlyList<string> features,
        IReadOnlyList<double> means,
        IReadOnlyList<double> standardDeviations,
        IReadOnlyList<double> eigenvalues,
        IReadOnlyList<IReadOnlyList<double>> loadings,
        IReadOnlyList<IReadOnlyList<double>> scores)
    {
        Features = features;
        Means = means;
        StandardDeviations = standardDeviations;
        Eigenvalues = eigenvalues;
        double total = eigenvalues.Sum();
        ExplainedVarianceRatio = [.. eigenvalues.Select(e => total > 0 ? e / total : 0)];
        Loadings = loadings;
        Scores = scores;
    }

    /// <summary>Gets the feature names, in input order.</summary>
    internal IReadOnlyList<string> Features { get; }

    /// <summary>Gets each feature's mean, used for z-scoring.</summary>
    internal IReadOnlyList<double> Means { get; }

    /// <summary>Gets each feature's sample standard deviation (n − 1), used for z-scoring.</summary>
    internal IReadOnlyList<double> StandardDeviations { get; }

    /// <summary>Gets the eigenvalues of the correlation matrix, largest first (the variance of each component's scores).</summary>
    internal IReadOnlyList<double> Eigenvalues { get; }

    /// <summary>Gets each component's share of the total variance, largest first; they sum to 1.</summary>
    internal IReadOnlyList<double> ExplainedVarianceRatio { get; }

    /// <summary>Gets the loadings, one row per feature and one column per component.</summary>
    internal IReadOnlyList<IReadOnlyList<double>> Loadings { get; }

    /// <summary>Gets the component scores, one row per observation and one column per component.</summary>
    internal IReadOnlyList<IReadOnlyList<double>> Scores { get; }

    /// <summary>
    /// Gets each feature's loading strength — the mean absolute loading over the first <paramref name="components"/>
    /// components — and its share of the sum of strengths (the paper's Table 4 form).
    /// </summary>
    /// <param name="components">How many leading components to average over, or <see langword="null"/> for all.</param>
    /// <returns>One entry per feature, strongest first.</returns>
    internal IReadOnlyList<FeatureContribution> FeatureContributions(int? components = null)
    {
        int k = Math.Clamp(components ?? Eigenvalues.Count, 1, Eigenvalues.Count);
        var strengths = Features.Select((f, i) => (Feature: f, Strength: Loadings[i].Take(k).Average(Math.Abs))).ToArray();
        double total = strengths.Sum(s => s.Strength);
        return [.. strengths
            .Select(s => new FeatureContribution(s.Feature, s.Strength, total > 0 ? 100 * s.Strength / total : 0))
            .OrderByDescending(c => c.Strength)];
    }
}
