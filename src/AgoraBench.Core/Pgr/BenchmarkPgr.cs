namespace AgoraBench;

/// <summary>The PGR of one benchmark in one setting, with the scores it came from.</summary>
/// <param name="Benchmark">The benchmark identifier.</param>
/// <param name="Student">The student's score.</param>
/// <param name="Base">The base model's score.</param>
/// <param name="Reference">The reference model's score.</param>
/// <param name="Value">The unclipped PGR in percent.</param>
public sealed record BenchmarkPgr(string Benchmark, double Student, double Base, double Reference, double Value)
{
    /// <summary>Gets the paired bootstrap interval of <see cref="Value"/>, or <see langword="null"/> when the score has no per-problem outcomes.</summary>
    public ConfidenceInterval? Interval { get; init; }
}
