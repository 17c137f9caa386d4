namespace AgoraBench;

/// <summary>
/// The three scores PGR needs for one generator, one setting and one benchmark: the trained student's, the base
/// model's and the reference model's, all on the same scale (percent in the paper). The input of
/// <see cref="IPgrCalculator"/>: build them yourself, or read a score table (and per-problem outcomes) with
/// <see cref="PgrTables.ReadScoresAsync"/>.
/// </summary>
public sealed class BenchmarkScore
{
    /// <summary>Initializes a new instance of the <see cref="BenchmarkScore"/> class.</summary>
    /// <param name="generator">The generator whose data trained the student, for example <c>GPT-4o</c>.</param>
    /// <param name="method">The generation method of the setting.</param>
    /// <param name="domain">The domain of the setting.</param>
    /// <param name="benchmark">The benchmark identifier, for example <c>gsm8k</c>; see <see cref="EvaluationBenchmarks"/>. Other benchmarks may be used too.</param>
    /// <param name="student">The score of the student trained on the generator's data (S_DG).</param>
    /// <param name="base">The score of the base model before training (S_Ø, evaluated few-shot).</param>
    /// <param name="reference">The score of the reference model (S_ref, Llama-3.1-8B-Instruct in the paper).</param>
    public BenchmarkScore(string generator, GenerationMethod method, BenchmarkDomain domain, string benchmark, double student, double @base, double reference)
    {
        Generator = generator;
        Method = method;
        Domain = domain;
        Benchmark = benchmark;
        Student = student;
        Base = @base;
        Reference = reference;
    }

    /// <summary>Gets the generator whose data trained the student.</summary>
    public string Generator { get; }

    /// <summary>Gets the generation method of the setting.</summary>
    public GenerationMethod Method { get; }

    /// <summary>Gets the domain of the setting.</summary>
    public BenchmarkDomain Domain { get; }

    /// <summary>Gets the benchmark identifier.</summary>
    public string Benchmark { get; }

    /// <summary>Gets the score of the student trained on the generator's data (S_DG).</summary>
    public double Student { get; }

    /// <summary>Gets the score of the base model before training (S_Ø).</summary>
    public double Base { get; }

    /// <summary>Gets the score of the reference model (S_ref).</summary>
    public double Reference { get; }

    /// <summary>Gets the setting of the score.</summary>
    internal AgoraBenchSetting Setting => AgoraBenchSettings.Get(Method, Domain);

    /// <summary>Gets the file the score was read from, for error messages; <see langword="null"/> when not read from a file.</summary>
    internal string? Source { get; init; }

    /// <summary>Gets the 1-based line the score was read from, for error messages; <see langword="null"/> when unknown.</summary>
    internal int? Line { get; init; }

    /// <summary>
    /// Gets the per-problem outcomes behind the three scores, or <see langword="null"/> when only the scores are known.
    /// With them, <see cref="IPgrCalculator"/> gives the PGR a paired bootstrap interval.
    /// </summary>
    internal IReadOnlyList<PgrItemOutcome>? Items { get; init; }

    /// <summary>A copy with per-problem outcomes.</summary>
    internal BenchmarkScore WithItems(IReadOnlyList<PgrItemOutcome>? items) =>
        new(Generator, Method, Domain, Benchmark, Student, Base, Reference) { Source = Source, Line = Line, Items = items };
}
