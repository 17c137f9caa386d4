namespace AgoraBench;

/// <summary>How a plan evaluates students: the base and reference models, the benchmarks and the pairwise judge.</summary>
public sealed class PlanEvaluation
{
    internal PlanEvaluation()
    {
    }

    /// <summary>Gets the base model S<sub>Ø</sub> (the paper: Llama-3.1-8B, evaluated few-shot).</summary>
    internal ModelEndpoint? Base { get; init; }

    /// <summary>Gets the reference model S<sub>ref</sub> (the paper: Llama-3.1-8B-Instruct).</summary>
    internal ModelEndpoint? Reference { get; init; }

    /// <summary>Gets how many demonstrations the base model sees; students and the reference are evaluated zero-shot.</summary>
    /// <value>The default value is 0.</value>
    public int BaseFewShot { get; internal init; }

    /// <summary>Gets the benchmarks by id (<c>gsm8k</c>, <c>math</c>, <c>mbpp</c>, <c>humaneval</c>, <c>alpacaeval-2.0</c>, <c>arena-hard</c>).</summary>
    public IReadOnlyDictionary<string, PlanBenchmark> Benchmarks { get; internal init; } = new Dictionary<string, PlanBenchmark>(StringComparer.Ordinal);

    /// <summary>Gets the pairwise judge of Arena-Hard and AlpacaEval, or <see langword="null"/>.</summary>
    public ModelEndpoint? Judge { get; internal init; }

    /// <summary>Gets a value indicating whether the generators themselves are evaluated too (their problem-solving ability, paper §5.1).</summary>
    internal bool ProblemSolving { get; init; }

    /// <summary>Gets the bootstrap rounds of the Arena-Hard interval.</summary>
    /// <value>The default value is 100.</value>
    internal int BootstrapRounds { get; init; } = 100;

    /// <summary>Gets the per-program time limit of code benchmarks.</summary>
    /// <value>The default value is 10 seconds.</value>
    internal TimeSpan CodeTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
