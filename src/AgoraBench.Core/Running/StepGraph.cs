namespace AgoraBench;

/// <summary>Builds a plan's steps in stage order; every step comes after the steps it depends on.</summary>
internal static class StepGraph
{
    public static IReadOnlyList<RunStep> Build(AgoraBenchPlan plan, bool withMetrics)
    {
        var settings = plan.Settings.Distinct().OrderBy(s => s.Method).ThenBy(s => s.Domain).ToArray();
        var steps = new List<RunStep>();
        var generate = new Dictionary<(string, AgoraBenchSetting), GenerateStep>();
        var train = new Dictionary<(string, AgoraBenchSetting, int), TrainStep>();
        int repeats = Math.Max(1, plan.Training.Repeats);
        var metrics = new List<MetricsStep>();
        foreach (var generator in plan.Generators)
        {
            foreach (var setting in settings)
            {
                var step = new GenerateStep(Info("generate", RunStage.Generate, generator, setting), generator, setting) { ShardGroup = Cell(generator.Name, setting) };
                generate[(generator.Name, setting)] = step;
                steps.Add(step);
            }
        }

        if (withMetrics)
        {
            foreach (var step in generate.Values)
            {
                var m = new MetricsStep(Info("metrics", RunStage.Metrics, step.Generator, step.Setting), step) { ShardGroup = step.ShardGroup };
                metrics.Add(m);
                steps.Add(m);
            }
        }

        var exports = new Dictionary<(string, AgoraBenchSetting), ExportStep>();
        foreach (var ((name, setting), step) in generate)
        {
            var export = new ExportStep(Info("export", RunStage.Export, step.Generator, setting), step) { ShardGroup = step.ShardGroup };
            exports[(name, setting)] = export;
            steps.Add(export);
        }

        foreach (var ((name, setting), step) in generate)
        {
            // The first run keeps the id it had before repeats existed, so adding repeats to a finished study trains only the new ones.
            for (int repeat = 1; repeat <= repeats; repeat++)
            {
                var info = Info("train", RunStage.Train, step.Generator, setting);
                var t = new TrainStep(repeat == 1 ? info : info.WithId($"{info.Id}:r{repeat}"), step, exports[(name, setting)], repeat) { ShardGroup = step.ShardGroup };
                train[(name, setting, repeat)] = t;
                steps.Add(t);
            }
        }

        // The paper's benchmarks first in the paper's order, then declared ones in plan order; each scores the settings of its domain.
        var benchmarks = plan.Evaluation.Benchmarks.Values
            .Where(b => settings.Any(s => s.Domain == b.Benchmark.Domain))
            .OrderBy(b => EvaluationBenchmarks.All.Select(x => x.Id).ToList().IndexOf(b.Benchmark.Id) is int i and >= 0 ? i : int.MaxValue)
            .ToArray();
        var evaluations = new List<EvaluateStep>();
        foreach (var benchmark in benchmarks)
        {
            string id = benchmark.Benchmark.Id;
            evaluations.Add(new EvaluateStep(new RunStepInfo($"evaluate:base:{id}", RunStage.Evaluate) { Benchmark = id, Role = ModelRole.Base }, benchmark, ModelRole.Base, null, null) { ShardGroup = "baselines:" + id });
            evaluations.Add(new EvaluateStep(new RunStepInfo($"evaluate:reference:{id}", RunStage.Evaluate) { Benchmark = id, Role = ModelRole.Reference }, benchmark, ModelRole.Reference, null, null) { ShardGroup = "baselines:" + id });
        }

        foreach (var ((name, setting, repeat), t) in train)
        {
            foreach (var benchmark in benchmarks.Where(b => b.Benchmark.Domain == setting.Domain))
            {
                var generator = t.Generate.Generator;
                var info = new RunStepInfo($"evaluate:student:{RunDirectory.Slug(name)}:{setting.Key}:{benchmark.Benchmark.Id}{(repeat == 1 ? string.Empty : $":r{repeat}")}", RunStage.Evaluate)
                {
                    Generator = name,
                    Setting = setting,
                    Benchmark = benchmark.Benchmark.Id,
                    Role = ModelRole.Student,
                };
                evaluations.Add(new EvaluateStep(info, benchmark, ModelRole.Student, generator, t) { ShardGroup = t.ShardGroup });
            }
        }

        var solvers = new List<EvaluateStep>();
        if (plan.Evaluation.ProblemSolving)
        {
            foreach (var generator in plan.Generators)
            {
                foreach (var benchmark in benchmarks)
                {
                    var info = new RunStepInfo($"evaluate:solver:{RunDirectory.Slug(generator.Name)}:{benchmark.Benchmark.Id}", RunStage.Evaluate)
                    {
                        Generator = generator.Name,
                        Benchmark = benchmark.Benchmark.Id,
                        Role = ModelRole.ProblemSolver,
                    };
                    solvers.Add(new EvaluateStep(info, benchmark, ModelRole.ProblemSolver, generator, null) { ShardGroup = $"solver:{RunDirectory.Slug(generator.Name)}:{benchmark.Benchmark.Id}" });
                }
            }
        }

        steps.AddRange(evaluations);
        steps.AddRange(solvers);
        var pgr = new PgrStep(new RunStepInfo("pgr", RunStage.Pgr), evaluations);
        var analyze = new AnalyzeStep(new RunStepInfo("analyze", RunStage.Analyze), pgr, [.. generate.Values], metrics, solvers);
        steps.Add(pgr);
        steps.Add(analyze);
        steps.Add(new ReportStep(new RunStepInfo("report", RunStage.Report), analyze));
        return steps;
    }

    /// <summary>The steps of a shard: the groups, in the order they first appear, dealt out by position; study-wide steps belong to no shard.</summary>
    public static HashSet<string> InShard(IReadOnlyList<RunStep> steps, ShardSpec shard)
    {
        var groups = steps.Select(s => s.ShardGroup).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        var mine = groups.Where((g, i) => shard.Contains(i)).ToHashSet(StringComparer.Ordinal);
        return steps.Where(s => shard.IsWhole || (s.ShardGroup is { } group && mine.Contains(group))).Select(s => s.Info.Id).ToHashSet(StringComparer.Ordinal);
    }

    private static string Cell(string generator, AgoraBenchSetting setting) => $"cell:{RunDirectory.Slug(generator)}:{setting.Key}";

    private static RunStepInfo Info(string stage, RunStage kind, PlanGenerator generator, AgoraBenchSetting setting) =>
        new($"{stage}:{RunDirectory.Slug(generator.Name)}:{setting.Key}", kind) { Generator = generator.Name, Setting = setting };
}
