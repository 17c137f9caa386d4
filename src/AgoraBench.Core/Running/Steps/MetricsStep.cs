using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>Computes the intrinsic metrics of one generated dataset; judge calls go through the run's file cache, so an interrupted step pays only for what it had not asked yet.</summary>
internal sealed class MetricsStep(RunStepInfo info, GenerateStep generate) : RunStep(info, [generate])
{
    public GenerateStep Generate { get; } = generate;

    public override IReadOnlyList<string> Outputs(RunContext context) => [context.Directory.Metrics(Generate.Generator.Name, Generate.Setting)];

    public override Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var m = context.Plan.Metrics;
        var domain = Generate.Setting.Domain;
        var config = new JsonObject
        {
            ["names"] = new JsonArray([.. m.Names.Select(n => (JsonNode)n)]),
            ["judge"] = m.Judge?.Model,
            ["embedding"] = m.Embedding?.Model,
            ["perplexity"] = context.Options.PerplexityScorer is null ? m.Perplexity?.Model : "host-scorer",
            ["judge_prompt"] = Hashing.Sha256(JudgePrompts.SystemPrompt + JudgePrompts.GradingTemplate + JudgePrompts.DifficultyTask(domain)
                + DomainRubrics.For(context.Plan, domain, JudgeCriterion.InstructionDifficulty) + DomainRubrics.For(context.Plan, domain, JudgeCriterion.ResponseQuality)),
            ["additional"] = new JsonArray([.. context.Options.AdditionalMetrics.Select(x => (JsonNode)x.Name)]),
        };
        return Task.FromResult(config);
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var m = plan.Metrics;
        var setting = Generate.Setting;
        var instances = await SyntheticDataset.ReadAsync(context.Directory.Data(Generate.Generator.Name, setting), cancellationToken: cancellationToken).ConfigureAwait(false);
        var metrics = new List<IIntrinsicMetric>();
        int judging = m.Judge is null ? m.Concurrency : m.Judge.Backend == ModelBackend.Batch ? RunContext.Concurrency(m.Judge, instances.Count) : m.Concurrency;
        foreach (string name in m.Names)
        {
            metrics.Add(name switch
            {
                IntrinsicMetricNames.InstructionDifficulty => new JudgeMetric(await context.CachedChatAsync(m.Judge!, ModelRole.MetricJudge, cancellationToken).ConfigureAwait(false), JudgeCriterion.InstructionDifficulty, setting.Domain, new JudgeMetricOptions { Concurrency = judging, Rubric = DomainRubrics.For(plan, setting.Domain, JudgeCriterion.InstructionDifficulty) }),
                IntrinsicMetricNames.ResponseQuality => new JudgeMetric(await context.CachedChatAsync(m.Judge!, ModelRole.MetricJudge, cancellationToken).ConfigureAwait(false), JudgeCriterion.ResponseQuality, setting.Domain, new JudgeMetricOptions { Concurrency = judging, Rubric = DomainRubrics.For(plan, setting.Domain, JudgeCriterion.ResponseQuality) }),
                IntrinsicMetricNames.InstructionDiversity => new DiversityMetric(context.Embeddings(m.Embedding!), DiversityTarget.Instruction, new DiversityMetricOptions { Concurrency = m.Concurrency }),
                IntrinsicMetricNames.ResponseDiversity => new DiversityMetric(context.Embeddings(m.Embedding!), DiversityTarget.Response, new DiversityMetricOptions { Concurrency = m.Concurrency }),
                _ => new PerplexityMetric(
                    context.Options.PerplexityScorer ?? new CompletionsLogProbabilityScorer(context.Http, new CompletionsLogProbabilityScorerOptions { Endpoint = m.Perplexity!.Endpoint!, Model = m.Perplexity.Model, ApiKeyEnvironmentVariable = m.Perplexity.ApiKeyEnvironmentVariable }),
                    new PerplexityMetricOptions { Concurrency = m.Concurrency }),
            });
        }

        metrics.AddRange(context.Options.AdditionalMetrics);
        int done = 0;
        progress?.Report(Progress(0, metrics.Count));
        var report = await IntrinsicMetricsRunner.RunAsync(
            instances,
            metrics,
            progress is null ? null : new SynchronousProgress<IntrinsicMetricResult>(r => progress.Report(Progress(++done, metrics.Count, r.Name))),
            cancellationToken).ConfigureAwait(false);
        await AtomicFile.WriteAllTextAsync(context.Directory.Metrics(Generate.Generator.Name, setting), report.ToJson(), cancellationToken).ConfigureAwait(false);
        var summary = new JsonObject { ["instances"] = instances.Count };
        foreach (var result in report.Results)
        {
            summary[result.Name] = result.Value;
        }

        return summary;
    }
}
