namespace AgoraBench;

/// <summary>Seeded percentile-bootstrap confidence intervals.</summary>
internal static class Bootstrap
{
    /// <summary>
    /// A percentile-bootstrap confidence interval for the PGR of one benchmark, from per-item results (for example 1
    /// for a correct answer and 0 otherwise, in percent or not) of the student, the base and the reference model on the
    /// same items. Items are resampled jointly, so the pairing of the three models is kept.
    /// </summary>
    /// <param name="student">The student's per-item results.</param>
    /// <param name="baseResults">The base model's per-item results, same items in the same order.</param>
    /// <param name="reference">The reference model's per-item results, same items in the same order.</param>
    /// <param name="rounds">The number of bootstrap resamples.</param>
    /// <param name="confidence">The confidence level, for example 0.95.</param>
    /// <param name="seed">The random seed; the same seed gives the same interval.</param>
    /// <returns>The PGR of the full data and the interval; resamples where PGR is undefined (reference mean equals base mean) are skipped and counted.</returns>
    /// <exception cref="ArgumentException">The three lists differ in length, or an argument is out of range.</exception>
    /// <exception cref="DataValidationException">PGR is undefined on the full data.</exception>
    public static ConfidenceInterval PgrInterval(
        IReadOnlyList<double> student,
        IReadOnlyList<double> baseResults,
        IReadOnlyList<double> reference,
        int rounds = 1000,
        double confidence = 0.95,
        int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(baseResults);
        ArgumentNullException.ThrowIfNull(reference);
        int n = student.Count;
        if (baseResults.Count != n || reference.Count != n || n == 0)
        {
            throw new ArgumentException("The student, base and reference results must cover the same, non-empty set of items.", nameof(student));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 10);
        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must lie strictly between 0 and 1.");
        }

        if (!PerformanceGapRecovered.TryCompute(student.Average(), baseResults.Average(), reference.Average(), out double estimate, out string? problem))
        {
            throw new DataValidationException("PGR is undefined on the full data: the mean " + problem);
        }

        var random = new Random(seed);
        var values = new List<double>(rounds);
        int skipped = 0;
        for (int r = 0; r < rounds; r++)
        {
            double s = 0, b = 0, f = 0;
            for (int i = 0; i < n; i++)
            {
                int k = random.Next(n);
                s += student[k];
                b += baseResults[k];
                f += reference[k];
            }

            if (PerformanceGapRecovered.TryCompute(s / n, b / n, f / n, out double pgr, out _))
            {
                values.Add(pgr);
            }
            else
            {
                skipped++;
            }
        }

        values.Sort();
        double alpha = (1 - confidence) / 2;
        return new ConfidenceInterval(estimate, Quantiles.Interpolated(values, alpha), Quantiles.Interpolated(values, 1 - alpha), confidence, rounds, skipped);
    }
}
