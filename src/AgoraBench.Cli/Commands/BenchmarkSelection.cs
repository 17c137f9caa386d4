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
            var builtIn = AgoraBenchEvaluation.FindBuiltInBenchmark(id);
            if (builtIn is null)
            {
                var ids = AgoraBenchEvaluation.BuiltInBenchmarks.Select(b => b.Id).ToArray();
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

    /// <summary>Grades a predictions file with the benchmark's grader (the judge and baseline answers come from the plan).</summary>
    public async Task<EvaluationReport> GradeAsync(IReadOnlyList<BenchmarkProblem> problems, string predictions, IReadOnlyList<int>? passAtK, TimeSpan? programTimeout, bool allowWeakSandbox, bool allowMissing, bool ignoreOtherPredictions, CancellationToken cancellationToken)
    {
        using var judge = Definition.Grader.Kind is "judge" or "pairwise" && Plan?.Evaluation.Judge is { } judgeEndpoint ? EndpointClients.Chat(judgeEndpoint, ModelRole.EvaluationJudge) : null;
        if (Definition.Grader.Kind is "judge" or "pairwise" && judge is null)
        {
            throw new CliUsageException([new DataError(null, null, "--plan", $"the {Definition.Grader.Kind} grader of '{Id}' needs the plan's evaluation.judge")]);
        }

        try
        {
            return await AgoraBenchEvaluation.GradeAsync(
                Definition,
                problems,
                predictions,
                judge,
                Planned?.Baseline,
                Plan?.SourcePath is { } source ? Path.GetDirectoryName(source)! : null,
                passAtK,
                programTimeout,
                allowWeakSandbox,
                allowMissing,
                ignoreOtherPredictions,
                cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The code sandbox", StringComparison.Ordinal))
        {
            throw new DataValidationException([new DataError(null, null, "--allow-weak-sandbox", ex.Message)]);
        }
    }
}
