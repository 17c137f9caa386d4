namespace AgoraBench;

/// <summary>
/// The three scores PGR needs for one generator, one setting and one benchmark: the trained student's, the base
/// model's and the reference model's, all on the same scale (percent in the paper).
/// </summary>
/// <param name="Generator">The generator whose data trained the student, for example <c>GPT-4o</c>.</param>
/// <param name="Method">The generation method of the setting.</param>
/// <param name="Domain">The domain of the setting.</param>
/// <param name="Benchmark">The benchmark identifier, for example <c>gsm8k</c>; see <see cref="EvaluationBenchmarks"/>. Other benchmarks may be used too.</param>
/// <param name="Student">The score of the student trained on the generator's data (S_DG).</param>
/// <param name="Base">The score of the base model before training (S_Ø, evaluated few-shot).</param>
/// <param name="Reference">The score of the reference model (S_ref, Llama-3.1-8B-Instruct in the paper).</param>
public sealed record BenchmarkScore(
    string Generator,
    GenerationMethod Method,
    BenchmarkDomain Domain,
    string Benchmark,
    double Student,
    double Base,
    double Reference)
{
    /// <summary>Gets the file the score was read from, for error messages; <see langword="null"/> when not read from a file.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the 1-based line the score was read from, for error messages; <see langword="null"/> when unknown.</summary>
    public int? Line { get; init; }

    /// <summary>
    /// Gets the per-problem outcomes behind the three scores, or <see langword="null"/> when only the scores are known.
    /// With them, <see cref="IPgrCalculator"/> gives the PGR a paired bootstrap interval.
    /// </summary>
    public IReadOnlyList<PgrItemOutcome>? Items { get; init; }

    /// <summary>Gets the setting of the score.</summary>
    public AgoraBenchSetting Setting => AgoraBenchSettings.Get(Method, Domain);
}
