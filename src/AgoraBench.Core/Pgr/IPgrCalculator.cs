namespace AgoraBench;

/// <summary>
/// Turns benchmark scores into Performance Gap Recovered: per benchmark, per setting, per method and overall, for each
/// generator.
/// </summary>
/// <remarks>
/// Implementations are thread-safe and do not mutate their arguments. Invalid input (a non-finite score, a reference
/// equal to its base, a duplicate row, a benchmark of the wrong domain) is reported in one
/// <see cref="DataValidationException"/> that names every offending row.
/// </remarks>
public interface IPgrCalculator
{
    /// <summary>Computes PGR for every generator in <paramref name="scores"/>.</summary>
    /// <param name="scores">The scores, one per generator, setting and benchmark.</param>
    /// <param name="options">Options for this call, or <see langword="null"/> for the calculator's defaults.</param>
    /// <returns>The PGR report, generators ranked by overall PGR.</returns>
    /// <exception cref="DataValidationException">The scores are invalid; every problem is listed.</exception>
    PgrReport Calculate(IEnumerable<BenchmarkScore> scores, PgrCalculationOptions? options = null);
}
