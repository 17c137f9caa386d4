namespace AgoraBench;

/// <summary>
/// The Performance Gap Recovered formula (paper Eq. 2): PGR = 100 × (student − base) / (reference − base).
/// </summary>
/// <remarks>
/// Values are never clipped: a negative PGR means the student is worse than the base model, and a PGR above 100 means
/// it beats the reference. Example (paper Fig. 3): student 28.08, base 19.84, reference 34.60 gives 55.56.
/// </remarks>
internal static class PerformanceGapRecovered
{
    /// <summary>Computes PGR in percent.</summary>
    /// <param name="student">The trained student's score.</param>
    /// <param name="baseScore">The base model's score.</param>
    /// <param name="reference">The reference model's score.</param>
    /// <returns>The unclipped PGR in percent.</returns>
    /// <exception cref="ArgumentException">A score is NaN or infinite, or <paramref name="reference"/> equals <paramref name="baseScore"/> (PGR is undefined).</exception>
    public static double Compute(double student, double baseScore, double reference) =>
        TryCompute(student, baseScore, reference, out double pgr, out string? problem)
            ? pgr
            : throw new ArgumentException(problem);

    /// <summary>Computes PGR in percent, reporting instead of throwing when it is undefined.</summary>
    /// <param name="student">The trained student's score.</param>
    /// <param name="baseScore">The base model's score.</param>
    /// <param name="reference">The reference model's score.</param>
    /// <param name="pgr">The unclipped PGR in percent, or NaN when undefined.</param>
    /// <param name="problem">Why PGR is undefined, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when PGR is defined.</returns>
    public static bool TryCompute(double student, double baseScore, double reference, out double pgr, out string? problem)
    {
        pgr = double.NaN;
        problem = !double.IsFinite(student) ? $"student score {student} is not a finite number"
            : !double.IsFinite(baseScore) ? $"base score {baseScore} is not a finite number"
            : !double.IsFinite(reference) ? $"reference score {reference} is not a finite number"
            : AreEqual(reference, baseScore) ? $"reference score {reference} equals base score {baseScore}, so PGR is undefined"
            : null;
        if (problem is not null)
        {
            return false;
        }

        pgr = 100.0 * (student - baseScore) / (reference - baseScore);
        return true;
    }

    internal static bool AreEqual(double a, double b) =>
        Math.Abs(a - b) <= AgoraBenchConstants.ScoreEqualityTolerance * Math.Max(1.0, Math.Max(Math.Abs(a), Math.Abs(b)));
}
