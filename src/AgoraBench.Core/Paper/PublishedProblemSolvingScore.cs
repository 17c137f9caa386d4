namespace AgoraBench;

/// <summary>One printed score of Table 7: a generator's own problem-solving score on a benchmark, in percent.</summary>
/// <param name="Generator">The generator's name.</param>
/// <param name="Benchmark">The benchmark.</param>
/// <param name="Score">The printed score in percent.</param>
internal sealed record PublishedProblemSolvingScore(string Generator, EvaluationBenchmark Benchmark, double Score);
