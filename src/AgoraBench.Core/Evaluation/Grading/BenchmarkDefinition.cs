namespace AgoraBench;

/// <summary>
/// A benchmark as data: how its problems are read, what the student is asked (a Liquid template over each problem's
/// fields), how it is sampled, and which grader scores each answer. The paper's six benchmarks are built-in
/// definitions (<see cref="BenchmarkCatalog.BuiltIn"/>); a plan's <c>evaluation.benchmarks.&lt;id&gt;</c> with
/// <c>prompt</c> and <c>grader</c>, or a host's <c>AddBenchmark</c>, declares more.
/// </summary>
public sealed class BenchmarkDefinition
{
    /// <summary>Initializes a benchmark declaration.</summary>
    /// <param name="id">The benchmark's id (how plans and the tool name it).</param>
    /// <param name="grader">The grader that scores an answer (a registered kind and its options).</param>
    /// <param name="domain">The domain it measures (a built-in one or your own), or <see langword="null"/>.</param>
    /// <param name="prompt">The student prompt, a Liquid template over each problem's fields, or <see langword="null"/> for the problem's own prompt.</param>
    /// <param name="idField">The field of a problem record that holds its id.</param>
    /// <param name="temperature">The sampling temperature students answer with.</param>
    public BenchmarkDefinition(string id, GraderSpec grader, string? domain = null, string? prompt = null, string idField = "id", float temperature = 0f)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(grader);
        ArgumentException.ThrowIfNullOrWhiteSpace(idField);
        Id = id;
        Grader = grader;
        Domain = domain;
        Prompt = prompt;
        IdField = idField;
        Temperature = temperature;
    }

    internal BenchmarkDefinition()
    {
    }

    /// <summary>Gets the stable id used in files and reports, for example <c>gsm8k</c> or <c>sql-exec</c>.</summary>
    public string Id { get; internal init; } = string.Empty;

    /// <summary>Gets the name printed in reports; <see langword="null"/> prints the id.</summary>
    internal string? DisplayName { get; init; }

    /// <summary>Gets the domain whose students the benchmark scores (for example <c>math</c> or <c>sql</c>), or <see langword="null"/>.</summary>
    public string? Domain { get; internal init; }

    /// <summary>Gets what the score measures.</summary>
    /// <value>The default value is <c>score (%)</c>.</value>
    internal string Metric { get; init; } = "score (%)";

    /// <summary>Gets the student prompt, a Liquid template over the problem's fields (<c>{{ question }}</c>); <see langword="null"/> asks the problem's own prompt (built-in formats).</summary>
    internal string? Prompt { get; init; }

    /// <summary>Gets the grader that scores each answer.</summary>
    public GraderSpec Grader { get; internal init; } = null!;

    /// <summary>Gets the sampling temperature of students, the base and the reference model.</summary>
    /// <value>The default value is 0 (greedy).</value>
    internal float Temperature { get; init; }

    /// <summary>Gets the fields that hold a demonstration's worked answer in few-shot prompts, in order of preference; when none is present the gold answer is used.</summary>
    internal IReadOnlyList<string> DemonstrationFields { get; init; } = [];

    /// <summary>Gets the field holding each problem's id in a declared problems file.</summary>
    /// <value>The default value is <c>id</c>; without it a problem's id is its 0-based position.</value>
    internal string IdField { get; init; } = "id";

    /// <summary>Gets the k values of pass@k reported beside the score (empty for none).</summary>
    internal IReadOnlyList<int> PassAtK { get; init; } = [];

    /// <summary>
    /// Gets how item scores make the benchmark's score: <c>mean</c> (the mean item score, in percent), or for the
    /// paper's pairwise benchmarks <c>bradley-terry</c> (Arena-Hard) and <c>length-controlled</c> (AlpacaEval 2.0).
    /// </summary>
    /// <value>The default value is <c>mean</c>.</value>
    public string Aggregation { get; internal init; } = "mean";

    /// <summary>Gets a reader of a native file format (the built-in benchmarks), or <see langword="null"/> to read JSON Lines, a JSON array or CSV with any fields.</summary>
    internal Func<string, CancellationToken, Task<IReadOnlyList<BenchmarkProblem>>>? Reader { get; init; }

    /// <summary>Reads the problems and fills each one's prompt from the declared prompt template.</summary>
    /// <param name="path">The problems file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The problems, in file order.</returns>
    /// <exception cref="DataValidationException">The file is malformed; every problem is listed.</exception>
    public async Task<IReadOnlyList<BenchmarkProblem>> ReadProblemsAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var problems = Reader is { } reader
            ? await reader(path, cancellationToken).ConfigureAwait(false)
            : await ProblemTable.ReadAsync(path, IdField, cancellationToken).ConfigureAwait(false);
        if (Prompt is null)
        {
            return problems;
        }

        var template = LiquidTemplate.Parse(Prompt, out string? error)
            ?? throw new DataValidationException([new DataError(null, null, "prompt", $"the prompt of '{Id}' is not a valid Liquid template: {error}")]);
        return [.. problems.Select(p => new BenchmarkProblem(p.Id, template.Render(p), p.Answer, p.Line) { Fields = p.Fields })];
    }
}
