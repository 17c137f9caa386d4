namespace AgoraBench;

/// <summary>A generator's own score on a benchmark (its problem-solving ability), in percent.</summary>
/// <param name="Generator">The generator.</param>
/// <param name="Benchmark">The benchmark identifier, for example <c>gsm8k</c>; see <see cref="EvaluationBenchmarks"/>.</param>
/// <param name="Score">The score.</param>
internal sealed record ProblemSolvingScore(string Generator, string Benchmark, double Score);
