using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// The benchmarks by id. <see cref="BuiltIn"/> holds the paper's six (GSM8K, MATH, MBPP, HumanEval, AlpacaEval 2.0,
/// Arena-Hard) as ordinary <see cref="BenchmarkDefinition"/>s; a host or a plan adds its own beside them.
/// </summary>
internal sealed class BenchmarkCatalog
{
    internal BenchmarkCatalog()
    {
    }

    private readonly Dictionary<string, BenchmarkDefinition> _definitions = new(StringComparer.Ordinal);

    /// <summary>Gets the paper's six benchmarks.</summary>
    public static BenchmarkCatalog BuiltIn { get; } = CreateBuiltIn();

    /// <summary>Gets every definition, in the order added.</summary>
    public IReadOnlyList<BenchmarkDefinition> All => [.. _definitions.Values];

    /// <summary>Adds a definition, or replaces the one with the same id.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>This catalog.</returns>
    internal BenchmarkCatalog Add(BenchmarkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(definition.Id);
        _definitions[definition.Id] = definition;
        return this;
    }

    /// <summary>Gets a copy that further additions do not change.</summary>
    /// <returns>The copy.</returns>
    internal BenchmarkCatalog Clone()
    {
        var copy = new BenchmarkCatalog();
        foreach (var definition in _definitions.Values)
        {
            copy.Add(definition);
        }

        return copy;
    }

    /// <summary>Finds a definition by id; the built-in ones also by a common spelling (<c>GSM8K</c>, <c>alpaca_eval</c>).</summary>
    /// <param name="id">The id.</param>
    /// <param name="definition">The definition found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet([NotNullWhen(true)] string? id, [NotNullWhen(true)] out BenchmarkDefinition? definition)
    {
        if (id is not null && _definitions.TryGetValue(id, out definition))
        {
            return true;
        }

        definition = null;
        return EvaluationBenchmarks.TryFind(id, out var known) && _definitions.TryGetValue(known.Id, out definition);
    }

    private static BenchmarkCatalog CreateBuiltIn()
    {
        static Func<string, CancellationToken, Task<IReadOnlyList<BenchmarkProblem>>> Native(string id) => (path, token) => BenchmarkProblems.ReadAsync(id, path, token);
        static BenchmarkDefinition Of(EvaluationBenchmark benchmark, JsonObject grader, float temperature = 0, IReadOnlyList<string>? demonstrationFields = null, IReadOnlyList<int>? passAtK = null, string aggregation = "mean") => new()
        {
            Temperature = temperature,
            DemonstrationFields = demonstrationFields ?? [],
            PassAtK = passAtK ?? [],
            Aggregation = aggregation,
            Id = benchmark.Id,
            DisplayName = benchmark.DisplayName,
            Domain = AgoraBenchNames.ToName(benchmark.Domain),
            Metric = benchmark.Metric,
            Reader = Native(benchmark.Id),
            Grader = new GraderSpec((string)grader["kind"]!, grader),
        };

        var catalog = new BenchmarkCatalog();
        string[] worked = ["solution", "answer"];
        catalog.Add(Of(EvaluationBenchmarks.Gsm8k, new() { ["kind"] = "math", ["extraction"] = "first" }, temperature: 0.2f, demonstrationFields: worked));
        catalog.Add(Of(EvaluationBenchmarks.Math, new() { ["kind"] = "math" }, temperature: 0.2f, demonstrationFields: worked));
        catalog.Add(Of(EvaluationBenchmarks.Mbpp, new() { ["kind"] = "python-tests", ["tests"] = "test_list", ["prefix"] = new JsonArray("test_imports", "test_setup_code"), ["block"] = "first-python", ["answerAs"] = "code" }, passAtK: [1]));
        catalog.Add(Of(EvaluationBenchmarks.HumanEval, new() { ["kind"] = "python-tests", ["tests"] = "test", ["prefix"] = "prompt", ["entryPoint"] = "entry_point", ["block"] = "first-python", ["answerAs"] = "code" }, passAtK: [1]));
        catalog.Add(Of(EvaluationBenchmarks.AlpacaEval2, new() { ["kind"] = "pairwise", ["aggregate"] = "length-controlled" }, aggregation: "length-controlled"));
        catalog.Add(Of(EvaluationBenchmarks.ArenaHard, new() { ["kind"] = "pairwise", ["aggregate"] = "bradley-terry" }, aggregation: "bradley-terry"));
        return catalog;
    }
}
