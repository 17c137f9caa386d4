using System.Text.Json.Nodes;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// The benchmark a <c>grade</c> or <c>evaluate</c> command works on: a built-in one by id, or with <c>--plan</c> any
/// benchmark the plan declares (its prompt, grader and problems file), so a declared benchmark can be used outside a run.
/// </summary>
internal sealed class BenchmarkSelection
{
    private BenchmarkSelection(BenchmarkDefinition definition, string problems, AgoraBenchPlan? plan, PlanBenchmark? planned)
    {
        Definition = definition;
        Problems = problems;
        Plan = plan;
        Planned = planned;
    }

    public BenchmarkDefinition Definition { get; }

    public string Id => Definition.Id;

    /// <summary>Gets the problems file: <c>--problems</c>, else the plan's.</summary>
    public string Problems { get; }

    public AgoraBenchPlan? Plan { get; }

    public PlanBenchmark? Planned { get; }

    /// <summary>Gets a value indicating whether answers are scored one by one (not by a pairwise leaderboard).</summary>
    public bool IsChecked => Definition.Aggregation == "mean";

    /// <summary>Resolves <c>--benchmark</c> (and <c>--plan</c>, <c>--problems</c>); every problem is reported at once.</summary>
    public static async Task<BenchmarkSelection> ResolveAsync(string id, string? planPath, string? problems, CancellationToken cancellationToken)
    {
        if (planPath is null)
        {
            var errors = new List<DataError>();
            if (!BenchmarkCatalog.BuiltIn.TryGet(id, out var builtIn))
            {
                var ids = BenchmarkCatalog.BuiltIn.All.Select(b => b.Id).ToArray();
                string? nearest = Suggest.Nearest(id, ids);
                errors.Add(new DataError(null, null, "--benchmark", $"'{id}' is not a built-in benchmark ({string.Join(", ", ids)}){(nearest is null ? string.Empty : $"; did you mean '{nearest}'?")}; a benchmark declared in a plan needs --plan PLAN"));
            }

            if (problems is null)
            {
                errors.Add(new DataError(null, null, "--problems", "is required without --plan: the benchmark's problems file"));
            }

            if (errors.Count > 0)
            {
                throw new CliUsageException(errors);
            }

            return new BenchmarkSelection(builtIn!, problems!, null, null);
        }

        var plan = await CliPlans.ReadAsync(planPath, cancellationToken).ConfigureAwait(false);
        if (!plan.Evaluation.Benchmarks.TryGetValue(id, out var planned))
        {
            var ids = plan.Evaluation.Benchmarks.Keys.Order(StringComparer.Ordinal).ToArray();
            string? nearest = Suggest.Nearest(id, ids);
            throw new CliUsageException([new DataError(plan.SourcePath, null, "--benchmark", $"'{id}' is not a benchmark of the plan (it has {string.Join(", ", ids)}){(nearest is null ? string.Empty : $"; did you mean '{nearest}'?")}")]);
        }

        return new BenchmarkSelection(planned.Definition, problems ?? planned.Problems, plan, planned);
    }

    /// <summary>Grades predictions with the benchmark's grader (the judge and baseline answers come from the plan).</summary>
    public async Task<CodeGradeResult> GradeAsync(IReadOnlyList<BenchmarkProblem> problems, IReadOnlyList<Prediction> predictions, PythonSandbox? sandbox, SandboxLimits? limits, bool allowMissing, string predictionsSource, IReadOnlyList<int>? passAtK, CancellationToken cancellationToken)
    {
        using var judge = Definition.Grader.Kind is "judge" or "pairwise" && Plan?.Evaluation.Judge is { } judgeEndpoint ? EndpointClients.Chat(judgeEndpoint, ModelRole.EvaluationJudge) : null;
        if (Definition.Grader.Kind is "judge" or "pairwise" && judge is null)
        {
            throw new CliUsageException([new DataError(null, null, "--plan", $"the {Definition.Grader.Kind} grader of '{Id}' needs the plan's evaluation.judge")]);
        }

        var context = new GraderContext
        {
            Sandbox = sandbox,
            Limits = limits,
            Judge = judge,
            BaseDirectory = Plan?.SourcePath is { } source ? Path.GetDirectoryName(source)! : Environment.CurrentDirectory,
            Baseline = Planned?.Baseline is { } baseline ? await AnswerFiles.ReadAsync(baseline, cancellationToken).ConfigureAwait(false) : null,
        };
        try
        {
            return await BenchmarkGrader.GradeAsync(Definition, problems, predictions, context, null, allowMissing, predictionsSource, passAtK, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The code sandbox", StringComparison.Ordinal))
        {
            throw new DataValidationException([new DataError(null, null, "--allow-weak-sandbox", ex.Message)]);
        }
    }

    /// <summary>The grade as JSON; code benchmarks add <c>pass_at_k</c>.</summary>
    public string ToJson(CodeGradeResult result, IEnumerable<int> requested)
    {
        if (Definition.Grader.Kind != "python-tests")
        {
            return result.Grade.ToJson(Id);
        }

        var node = JsonNode.Parse(result.Grade.ToJson(Id))!;
        var passAt = new JsonObject();
        foreach (int k in requested.Where(result.PassAtK.ContainsKey))
        {
            passAt[$"pass@{k}"] = result.PassAtK[k];
        }

        node["pass_at_k"] = passAt;
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>A sandbox when the grader runs code, else <see langword="null"/>.</summary>
    public PythonSandbox? CreateSandbox(bool allowWeakIsolation) =>
        Definition.Grader.Kind == "python-tests" ? new PythonSandbox(new PythonSandboxOptions { AllowWeakIsolation = allowWeakIsolation }) : null;
}
