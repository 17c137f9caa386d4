namespace AgoraBench;

/// <summary>
/// A benchmark on which students (and generators, for problem-solving ability) are scored.
/// </summary>
/// <param name="Id">The stable identifier, for example <c>gsm8k</c>; used in files and reports.</param>
/// <param name="DisplayName">The name the paper prints, for example <c>GSM8K</c>.</param>
/// <param name="Domain">The domain whose students the benchmark scores.</param>
/// <param name="Metric">What the score measures, in percent.</param>
/// <remarks>The six benchmarks of the paper are in <see cref="EvaluationBenchmarks"/>.</remarks>
internal sealed record EvaluationBenchmark(string Id, string DisplayName, BenchmarkDomain Domain, string Metric)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}
