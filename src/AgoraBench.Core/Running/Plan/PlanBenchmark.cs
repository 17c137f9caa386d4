namespace AgoraBench;

/// <summary>One benchmark of a plan: its problems file and how to run it.</summary>
public sealed class PlanBenchmark
{
    internal PlanBenchmark()
    {
    }

    /// <summary>Gets the benchmark.</summary>
    internal EvaluationBenchmark Benchmark { get; init; } = null!;

    /// <summary>Gets the problems file in its native format (see <see cref="BenchmarkProblems"/>).</summary>
    public string Problems { get; internal init; } = null!;

    /// <summary>Gets a file of demonstrations for few-shot prompting in the same format, or <see langword="null"/> to hold out the first problems.</summary>
    public string? FewShotProblems { get; internal init; }

    /// <summary>Gets the number of problems evaluated (after any held-out demonstrations), or <see langword="null"/> for all.</summary>
    internal int? Limit { get; init; }

    /// <summary>Gets the baseline's answers (Arena-Hard: for example <c>gpt-4-0314.jsonl</c>); for AlpacaEval the questions' reference outputs are the default.</summary>
    public string? Baseline { get; internal init; }

    /// <summary>Gets, for AlpacaEval, the instruction difficulties of <c>length_controlled_v1</c> (with <see cref="GamedBaselines"/>); without both the run scores <c>length_controlled_minimal</c> and says so.</summary>
    internal string? InstructionDifficulty { get; init; }

    /// <summary>Gets, for AlpacaEval, the gamed baselines' annotations of <c>length_controlled_v1</c> (with <see cref="InstructionDifficulty"/>).</summary>
    internal string? GamedBaselines { get; init; }

    /// <summary>Gets how the benchmark is read, prompted and graded: the built-in definition, or the one the plan declares with <c>prompt</c> and <c>grader</c>.</summary>
    public BenchmarkDefinition Definition
    {
        get => field ?? (BenchmarkCatalog.BuiltIn.TryGet(Benchmark.Id, out var known) ? known : throw new InvalidOperationException($"'{Benchmark.Id}' has no definition."));
        internal init;
    }

    /// <summary>The number of problems held out of the problems file as demonstrations: the plan's base few-shot count unless a demonstrations file is given.</summary>
    /// <param name="baseFewShot">The plan's few-shot count for the base model.</param>
    /// <returns>The count of problems held out.</returns>
    public int HeldOut(int baseFewShot) => FewShotProblems is null ? baseFewShot : 0;

    /// <summary>
    /// The problems a run evaluates for this benchmark, the same for every model: the problems file after the held-out
    /// demonstrations, at most <see cref="Limit"/> of them (or <paramref name="limit"/> when given).
    /// </summary>
    /// <param name="all">The problems file, in order.</param>
    /// <param name="heldOut">The count held out (<see cref="HeldOut"/>).</param>
    /// <param name="limit">A limit that overrides the plan's, if any.</param>
    /// <returns>The problems to evaluate.</returns>
    public BenchmarkProblem[] Evaluated(IEnumerable<BenchmarkProblem> all, int heldOut, int? limit = null) =>
        all.Skip(heldOut).Take(limit ?? Limit ?? int.MaxValue).ToArray();
}
