using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Running;

public sealed class PlanEstimatorTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private async Task<(AgoraBenchPlan Plan, CostEstimate Estimate)> EstimateAsync(int instances = 20)
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(instances));
        return (plan, await PlanEstimator.EstimateAsync(plan));
    }

    [Fact]
    public async Task GenerationRequests_AreTheRealPromptsTokenized_AndPricedAtThePlansPrice()
    {
        var (plan, estimate) = await EstimateAsync();
        var setting = AgoraBenchSettings.Get(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        var line = estimate.Lines.Single(l => l.Stage == RunStage.Generate && l.Generator == "gen-a" && l.Setting!.Equals(setting));

        // The same prompts the engine would send for the first 20 items, counted with cl100k_base (the model's own encoding is unknown).
        var counter = TokenizerTokenCounter.ForOpenAIModel("gpt-4");
        var seeds = await SyntheticDataset.ReadSeedsAsync(plan.Seeds[setting.Key]);
        string template = MetaPrompts.Template(setting.Method, setting.Domain);
        double prompt = Enumerable.Range(0, 20)
            .Select(i => counter.CountTokens(GenerationPromptBuilder.InstanceGeneration(template, setting.Domain, seeds, [], new Random(StableSeed.Mix(42, i, 1))).Text))
            .Average() + counter.CountTokens(MetaPrompts.SystemMessage) + 7;
        double output = seeds.Average(s => counter.CountTokens(s.Instruction) + counter.CountTokens(s.Response!) + 6.0);

        Assert.Equal(20, line.Requests);
        Assert.Equal((long)Math.Round(20 * prompt), line.InputTokens);
        Assert.Equal((long)Math.Round(20 * output), line.OutputTokens);
        Assert.Equal(((line.InputTokens * 1.0m) + (line.OutputTokens * 4.0m)) / 1_000_000m, line.Usd);
        Assert.Equal("≈cl100k_base", line.Tokenizer);
        Assert.Contains(estimate.Notes, n => n.StartsWith("≈:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeclaredBenchmarks_OfADeclaredDomain_AreEstimated_WithTheirJudgeCalls()
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(RepositoryRoot.Combine("samples", "own-task", "plan.json"));
        var estimate = await PlanEstimator.EstimateAsync(plan);
        int questions = File.ReadAllLines(RepositoryRoot.Combine("samples", "own-task", "data", "test.jsonl")).Count(l => l.Trim().Length > 0);

        // base, reference, 2 generators × 3 settings of students: each answers both benchmarks; only sql-judge calls the judge, once per answer.
        var evaluations = estimate.Lines.Where(l => l.Stage == RunStage.Evaluate).ToArray();
        Assert.Equal(8, evaluations.Count(l => l.Item.EndsWith(" on sql-exec", StringComparison.Ordinal)));
        Assert.Equal(8, evaluations.Count(l => l.Item.EndsWith(" on sql-judge", StringComparison.Ordinal)));
        var judged = evaluations.Where(l => l.Item.StartsWith("sql-judge judge of ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(8, judged.Length);
        Assert.All(judged, l => Assert.Equal(questions, l.Requests));
        Assert.DoesNotContain(evaluations, l => l.Item.StartsWith("sql-exec judge", StringComparison.Ordinal));
        Assert.All(evaluations, l => Assert.True(l.InputTokens > 0, l.Item));
    }

    [Fact]
    public async Task EveryStageIsEstimated_AndTheTotalsAddUp()
    {
        var (_, estimate) = await EstimateAsync();

        Assert.Equal(6, estimate.Lines.Count(l => l.Stage == RunStage.Generate));
        Assert.Equal(6, estimate.Lines.Count(l => l.Stage == RunStage.Train));
        // Five metrics per cell: two judges, perplexity scoring, two embedding passes.
        Assert.Equal(30, estimate.Lines.Count(l => l.Stage == RunStage.Metrics));
        // Per benchmark: base and reference, the two students of its domain and the two generators as solvers; the
        // pairwise benchmarks add a judge line each.
        Assert.Equal((6 * 6) + (2 * 6), estimate.Lines.Count(l => l.Stage == RunStage.Evaluate));
        Assert.Equal(estimate.Lines.Sum(l => l.Usd ?? 0), estimate.TotalUsd);
        // The judges, embedder and scorer have no price but run on a loopback server: self-hosted, counted at $0. Only
        // training (GPU work, no price given) is left unpriced.
        Assert.True(estimate.HasUnpricedLines);
        Assert.All(estimate.Lines.Where(l => l.Usd is null), l => Assert.Equal(RunStage.Train, l.Stage));
        Assert.All(estimate.Lines.Where(l => l.Stage == RunStage.Metrics), l => Assert.Equal(0m, l.Usd));
        var remote = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(edit: p => p["metrics"]!["judge"]!["endpoint"] = "https://judges.example.com/v1", name: "remote-judge.json"));
        var priced = await PlanEstimator.EstimateAsync(remote);
        Assert.True(priced.HasUnpricedLines);
        Assert.Contains(priced.Notes, n => n.StartsWith("No price for metric-judge", StringComparison.Ordinal));

        var train = estimate.Lines.Single(l => l.Stage == RunStage.Train && l.Generator == "gen-a" && l.Setting!.Method == GenerationMethod.InstanceGeneration);
        Assert.StartsWith("train 25 examples × 5 epochs", train.Item, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(estimate.ToJson());
        Assert.Equal(estimate.Lines.Count, json.RootElement.GetProperty("lines").GetArrayLength());
        Assert.Equal((double)Math.Round(estimate.TotalUsd, 6), json.RootElement.GetProperty("total_usd").GetDouble(), 9);
        Assert.Contains("## By stage and generator", estimate.ToMarkdown(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceGeneration_ScalesWithInstances_WhileSeedBoundMethodsStopAtTheSeeds()
    {
        var (_, small) = await EstimateAsync(20);
        var (_, large) = await EstimateAsync(2000);
        long Requests(CostEstimate e, GenerationMethod method) => e.Lines.Single(l => l.Stage == RunStage.Generate && l.Generator == "gen-b" && l.Setting!.Method == method).Requests;

        Assert.Equal(2000, Requests(large, GenerationMethod.InstanceGeneration));
        Assert.Equal(100 * Requests(small, GenerationMethod.InstanceGeneration), Requests(large, GenerationMethod.InstanceGeneration));
        // Response generation answers each of the first N seeds once; the fixture has 25 seeds.
        Assert.Equal(20, Requests(small, GenerationMethod.ResponseGeneration));
        Assert.Equal(25, Requests(large, GenerationMethod.ResponseGeneration));
    }

    [SharedDataFact("datasets/gsm8k/test.jsonl", "datasets/math500/test.jsonl", "datasets/mbpp/sanitized-mbpp.json", "datasets/humaneval/HumanEval.jsonl", "datasets/alpaca_eval/gpt4_1106_preview_model_outputs.json", "datasets/arena_hard_v0.1/question.jsonl")]
    public async Task SamplePlans_ReadAndEstimate_OverTheRealBenchmarks()
    {
        string data = SharedData.Path("datasets");
        foreach (string file in Directory.GetFiles(RepositoryRoot.Combine("samples", "plans"), "*.json").Where(f => !f.EndsWith("paper.json", StringComparison.Ordinal)))
        {
            var plan = AgoraBenchPlanFile.Parse(File.ReadAllText(file), file, name => name == "AGORABENCH_DATA" ? data : null);
            var estimate = await PlanEstimator.EstimateAsync(plan);

            Assert.All(estimate.Lines.Where(l => l.Stage == RunStage.Generate), l => Assert.True(l.InputTokens > l.Requests * 50 && l.OutputTokens > 0, $"{file}: {l.Setting} prompts"));
            // Every evaluated model answers every problem of each benchmark (GSM8K's 1,319 test problems, or the plan's limit).
            var gsm8k = plan.Evaluation.Benchmarks.GetValueOrDefault("gsm8k");
            if (gsm8k is not null)
            {
                long expected = Math.Min(gsm8k.Limit ?? int.MaxValue, 1319 - (gsm8k.FewShotProblems is null ? plan.Evaluation.BaseFewShot : 0));
                Assert.All(estimate.Lines.Where(l => l.Item.EndsWith(" on gsm8k", StringComparison.Ordinal)), l => Assert.Equal(expected, l.Requests));
            }
        }
    }
}
