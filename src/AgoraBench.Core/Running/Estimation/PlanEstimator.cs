using System.Globalization;

namespace AgoraBench;

/// <summary>
/// Prices a plan before anything is spent: requests, input and output tokens and dollars per stage, generator and
/// setting, counted with real encodings (Microsoft.ML.Tokenizers) on the plan's own seed data and benchmarks, and the
/// plan's prices (or the paper's Table 3 prices for its six generators).
/// </summary>
/// <remarks>
/// Generation requests are measured on up to 100 prompts per setting built exactly as the engine builds them (the
/// meta-prompt, demonstrations, theme, trigger and system message); instance lengths on a seeded sample of
/// <see cref="PlanEstimateOptions.SampleSize"/> seeds, with a 95% interval for the sampling error. What cannot be
/// measured before a run — rejected attempts, judge verbosity, answer length — comes from
/// <see cref="AgoraBenchPlan.Estimate"/> and is listed in <see cref="CostEstimate.Notes"/>.
/// </remarks>
public static class PlanEstimator
{
    private const int MaxPrompts = 100;
    private const int ChatOverheadTokens = 7;
    private const int InstanceMarkerTokens = 6;
    private const int TrainingTemplateTokens = 30;

    /// <summary>Estimates a plan's cost.</summary>
    /// <param name="plan">The plan (valid: see <see cref="AgoraBenchPlan.Validate(IEnumerable{string}?)"/>).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The estimate.</returns>
    /// <exception cref="DataValidationException">A seed or benchmark file is malformed.</exception>
    public static async Task<CostEstimate> EstimateAsync(AgoraBenchPlan plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var settings = plan.Settings.Distinct().OrderBy(s => s.Method).ThenBy(s => s.Domain).ToArray();
        var catalog = new TokenizerCatalog();
        var e = PlanEstimateOptionsValidator.Instance.ThrowIfInvalid(plan.Estimate, nameof(plan));
        var notes = new List<string>();

        // Which encodings each setting's data must be measured with: every generator's, the judge's and the students'.
        var generatorTokenizers = plan.Generators.ToDictionary(g => g.Name, g => TokenizerCatalog.Choose(g.Endpoint), StringComparer.Ordinal);
        var studentTokenizer = TokenizerCatalog.Choose(plan.Evaluation.Base ?? new ModelEndpoint { Model = plan.Training.BaseModel });
        var judgeTokenizer = TokenizerCatalog.Choose(plan.Metrics.Judge);
        var embeddingTokenizer = TokenizerCatalog.Choose(plan.Metrics.Embedding);
        var keys = generatorTokenizers.Values.Append(studentTokenizer).Append(judgeTokenizer).Append(embeddingTokenizer).Select(t => t.Key).Distinct(StringComparer.Ordinal).ToArray();

        var seedsBySetting = await Task.WhenAll(settings.Select(s => SyntheticDataset.ReadSeedsAsync(plan.Seeds[s.Key], cancellationToken))).ConfigureAwait(false);
        var work = settings.SelectMany((s, i) => keys.Select(k => (Setting: s, Seeds: seedsBySetting[i], Key: k))).ToArray();
        var profiles = new SettingTokenProfile[work.Length];
        await Parallel.ForAsync(0, work.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, (i, _) =>
        {
            profiles[i] = Profile(plan, work[i].Setting, work[i].Seeds, work[i].Key, catalog);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        SettingTokenProfile ProfileOf(AgoraBenchSetting setting, string key) => profiles[Array.FindIndex(work, w => w.Setting.Equals(setting) && w.Key == key)];
        int Count(AgoraBenchSetting setting) => setting.Method == GenerationMethod.InstanceGeneration ? plan.Instances : Math.Min(plan.Instances, seedsBySetting[Array.IndexOf(settings, setting)].Count);

        var lines = new List<CostEstimateLine>();

        // Generation.
        foreach (var generator in plan.Generators)
        {
            var (key, exact) = generatorTokenizers[generator.Name];
            var price = Prices.Of(generator);
            foreach (var setting in settings)
            {
                var p = ProfileOf(setting, key);
                long requests = (long)Math.Ceiling(Count(setting) * e.AttemptsPerInstance);
                long input = (long)Math.Round(requests * p.PromptTokens);
                long output = (long)Math.Round(requests * p.OutputTokens);
                lines.Add(new CostEstimateLine(RunStage.Generate, generator.Name, setting, "generation", generator.Endpoint.Model, requests, input, output, price?.Cost(input, output) ?? (generator.Endpoint.IsSelfHosted ? 0 : null), TokenizerCatalog.Label(key, exact)));
            }
        }

        // Intrinsic metrics, over the expected generated instances.
        var m = plan.Metrics;
        if (m.Names.Count > 0)
        {
            var judgeCounter = catalog.Get(judgeTokenizer.Key);
            int gradingOverhead = judgeCounter.CountTokens(JudgePrompts.SystemPrompt) + judgeCounter.CountTokens(JudgePrompts.GradingTemplate) + ChatOverheadTokens;
            foreach (var generator in plan.Generators)
            {
                foreach (var setting in settings)
                {
                    int n = Count(setting);
                    var judged = ProfileOf(setting, judgeTokenizer.Key);
                    foreach (string name in m.Names)
                    {
                        switch (name)
                        {
                            case IntrinsicMetricNames.InstructionDifficulty or IntrinsicMetricNames.ResponseQuality:
                                var criterion = name == IntrinsicMetricNames.ResponseQuality ? JudgeCriterion.ResponseQuality : JudgeCriterion.InstructionDifficulty;
                                double slots = criterion == JudgeCriterion.ResponseQuality
                                    ? judged.InstructionTokens + judged.ResponseTokens
                                    : judgeCounter.CountTokens(JudgePrompts.DifficultyTask(setting.Domain)) + judged.InstructionTokens;
                                long input = (long)Math.Round(n * (gradingOverhead + judgeCounter.CountTokens(DomainRubrics.For(plan, setting.Domain, criterion)) + slots));
                                long output = (long)n * e.JudgeOutputTokens;
                                lines.Add(new CostEstimateLine(RunStage.Metrics, generator.Name, setting, name + " judge", m.Judge!.Model, n, input, output, Prices.CostOrFree(m.Judge, input, output), TokenizerCatalog.Label(judgeTokenizer.Key, judgeTokenizer.Exact)));
                                break;
                            case IntrinsicMetricNames.InstructionDiversity or IntrinsicMetricNames.ResponseDiversity:
                                var embedded = ProfileOf(setting, embeddingTokenizer.Key);
                                long tokens = (long)Math.Round(n * (name == IntrinsicMetricNames.InstructionDiversity ? embedded.InstructionTokens : embedded.ResponseTokens));
                                long batches = (n + 63) / 64;
                                lines.Add(new CostEstimateLine(RunStage.Metrics, generator.Name, setting, name + " embeddings", m.Embedding!.Model, batches, tokens, 0, Prices.CostOrFree(m.Embedding, tokens, 0), TokenizerCatalog.Label(embeddingTokenizer.Key, embeddingTokenizer.Exact)));
                                break;
                            case IntrinsicMetricNames.ResponsePerplexity:
                                var scored = ProfileOf(setting, studentTokenizer.Key);
                                long scoredTokens = (long)Math.Round(n * (scored.InstructionTokens + scored.ResponseTokens));
                                lines.Add(new CostEstimateLine(RunStage.Metrics, generator.Name, setting, name + " scoring", m.Perplexity?.Model ?? "host scorer", n, scoredTokens, n, m.Perplexity is null ? 0 : Prices.CostOrFree(m.Perplexity, scoredTokens, n), TokenizerCatalog.Label(studentTokenizer.Key, studentTokenizer.Exact)));
                                break;
                        }
                    }
                }
            }
        }

        // Training: tokens trained on (seed data too for instance generation) × epochs.
        var t = plan.Training;
        foreach (var generator in plan.Generators)
        {
            foreach (var setting in settings)
            {
                var p = ProfileOf(setting, studentTokenizer.Key);
                long examples = Count(setting) + (setting.TrainsOnSeedData ? seedsBySetting[Array.IndexOf(settings, setting)].Count : 0);
                long trained = (long)Math.Round(examples * (p.InstructionTokens + p.ResponseTokens + TrainingTemplateTokens) * t.Hyperparameters.Epochs);
                decimal? usd = t.PriceUsdPerMillionTrainingTokens is decimal perMillion ? trained * perMillion / 1_000_000m : t.Trainer == "precomputed" ? 0 : null;
                for (int repeat = 1; repeat <= Math.Max(1, t.Repeats); repeat++)
                {
                    string run = t.Repeats > 1 ? $" (run {repeat} of {t.Repeats})" : string.Empty;
                    lines.Add(new CostEstimateLine(RunStage.Train, generator.Name, setting, $"train {examples:N0} examples × {t.Hyperparameters.Epochs} epochs{run}", t.BaseModel, 1, trained, 0, usd, TokenizerCatalog.Label(studentTokenizer.Key, studentTokenizer.Exact)));
                }
            }
        }

        // Evaluation: the base and reference once per benchmark, every student on its domain's benchmarks, generators as problem solvers.
        var studentCounter = catalog.Get(studentTokenizer.Key);
        string studentLabel = TokenizerCatalog.Label(studentTokenizer.Key, studentTokenizer.Exact);
        var judge = plan.Evaluation.Judge;
        var judgeCounterForPairs = judge is null ? null : catalog.Get(TokenizerCatalog.Choose(judge).Key);
        // Every benchmark of a studied domain, built in or declared, in the run's order.
        var order = EvaluationBenchmarks.All.Select(b => b.Id).ToList();
        foreach (var benchmark in plan.Evaluation.Benchmarks.Values
            .Where(b => settings.Any(s => s.Domain == b.Benchmark.Domain))
            .OrderBy(b => order.IndexOf(b.Benchmark.Id) is int i and >= 0 ? i : int.MaxValue)
            .ThenBy(b => b.Benchmark.Id, StringComparer.Ordinal))
        {
            string id = benchmark.Benchmark.Id;
            var definition = benchmark.Definition;
            var problems = await definition.ReadProblemsAsync(benchmark.Problems, cancellationToken).ConfigureAwait(false);
            int heldOut = benchmark.FewShotProblems is null ? plan.Evaluation.BaseFewShot : 0;
            var evaluated = problems.Skip(heldOut).Take(benchmark.Limit ?? int.MaxValue).ToArray();
            double questionTokens = evaluated.Length == 0 ? 0 : evaluated.Average(p => (double)studentCounter.CountTokens(p.Prompt)) + ChatOverheadTokens;
            double demoTokens = problems.Take(plan.Evaluation.BaseFewShot).Sum(p => (double)studentCounter.CountTokens(p.Prompt) + studentCounter.CountTokens(p.Answer ?? string.Empty) + 4);
            int n = evaluated.Length;
            long answers = (long)n * e.EvaluationOutputTokens;
            // Judged answers: a pairwise leaderboard or grader plays two games per question, a rubric judge grades each answer once.
            bool pairwise = definition.Aggregation != "mean" || definition.Grader.Kind == "pairwise";
            int games = pairwise ? 2 : definition.Grader.Kind == "judge" ? 1 : 0;
            long judgeInput = 0;
            if (games > 0 && judgeCounterForPairs is not null && n > 0)
            {
                string? rubricFile = definition.Grader.Text("rubric") is { } rubric && plan.SourcePath is { } source ? Path.Combine(Path.GetDirectoryName(source)!, rubric) : null;
                double template = judgeCounterForPairs.CountTokens(pairwise ? PairwiseJudge.DefaultTemplate : rubricFile is not null && File.Exists(rubricFile) ? await File.ReadAllTextAsync(rubricFile, cancellationToken).ConfigureAwait(false) : JudgePrompts.GradingTemplate);
                judgeInput = (long)Math.Round(games * n * (template + evaluated.Average(p => (double)judgeCounterForPairs.CountTokens(p.Prompt)) + (games * e.EvaluationOutputTokens)));
            }

            void Evaluate(string? generator, AgoraBenchSetting? setting, string who, ModelEndpoint endpoint, ModelPrice? price, double extraInputPerProblem)
            {
                long input = (long)Math.Round(n * (questionTokens + extraInputPerProblem));
                lines.Add(new CostEstimateLine(RunStage.Evaluate, generator, setting, $"{who} on {id}", endpoint.Model, n, input, answers, price?.Cost(input, answers) ?? (endpoint.IsSelfHosted ? 0 : null), studentLabel));
                if (games > 0 && judge is not null)
                {
                    long judgeOutput = (long)games * n * (pairwise ? e.PairwiseJudgeOutputTokens : e.JudgeOutputTokens);
                    lines.Add(new CostEstimateLine(RunStage.Evaluate, generator, setting, $"{id} judge of {who}", judge.Model, (long)games * n, judgeInput, judgeOutput, Prices.CostOrFree(judge, judgeInput, judgeOutput), TokenizerCatalog.Label(TokenizerCatalog.Choose(judge).Key, TokenizerCatalog.Choose(judge).Exact)));
                }
            }

            if (plan.Evaluation.Base is { } baseModel)
            {
                Evaluate(null, null, "base model", baseModel, Prices.Of(baseModel), demoTokens);
            }

            if (plan.Evaluation.Reference is { } reference)
            {
                Evaluate(null, null, "reference model", reference, Prices.Of(reference), 0);
            }

            foreach (var generator in plan.Generators)
            {
                foreach (var setting in settings.Where(s => s.Domain == benchmark.Benchmark.Domain))
                {
                    // Students of the built-in trainers (command, precomputed) are served on one's own servers; a provider's
                    // students are served where they were trained (training.api, else the provider's default: unpriced unless studentPrice says).
                    var student = new ModelEndpoint { Model = $"student ({t.BaseModel})", Endpoint = PlanValidator.BuiltInTrainers.Contains(t.Trainer, StringComparer.Ordinal) ? new Uri("http://localhost/v1") : t.Api?.Endpoint };
                    for (int repeat = 1; repeat <= Math.Max(1, t.Repeats); repeat++)
                    {
                        Evaluate(generator.Name, setting, t.Repeats > 1 ? $"student (run {repeat})" : "student", student, t.StudentPrice, 0);
                    }
                }

                if (plan.Evaluation.ProblemSolving)
                {
                    Evaluate(generator.Name, null, "generator as solver", generator.Endpoint, Prices.Of(generator), 0);
                }
            }
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"Generation requests are measured on up to {MaxPrompts} real prompts per setting; instance lengths on a seeded sample of up to {e.SampleSize:N0} seeds per setting (95% intervals in the profiles)."));
        notes.Add(string.Create(CultureInfo.InvariantCulture, $"Each instance is assumed to take {e.AttemptsPerInstance:0.##} completion(s) (estimate.attemptsPerInstance); rejected attempts cost extra."));
        notes.Add("Generated instances are assumed as long as the seed instances (responses of response generation: the seed responses when present, else estimate.defaultResponseTokens).");
        if (m.Names.Count > 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"A judge answer is assumed to be {e.JudgeOutputTokens} tokens; embeddings are batched 64 per request."));
        }

        notes.Add(string.Create(CultureInfo.InvariantCulture, $"A benchmark answer is assumed to be {e.EvaluationOutputTokens} tokens (the cap is 1,024); a pairwise verdict {e.PairwiseJudgeOutputTokens} tokens, two games per question."));
        if (t.PriceUsdPerMillionTrainingTokens is null && t.Trainer != "precomputed")
        {
            notes.Add("Training is counted in tokens trained on (examples × epochs) but not priced: set training.priceUsdPerMillionTrainingTokens (a fine-tuning API's price), or read the tokens as GPU work.");
        }

        if (lines.Any(l => l.Tokenizer.StartsWith('≈')))
        {
            notes.Add("≈: the model's own encoding is not available offline (Llama-3, Claude), so cl100k_base approximates it; give the endpoint \"tokenizer\": a Llama-3 tokenizer.model for exact counts.");
        }

        var unpriced = lines.Where(l => l.Stage != RunStage.Train && l.Usd is null && (l.InputTokens > 0 || l.OutputTokens > 0)).Select(l => l.Model).Distinct(StringComparer.Ordinal).ToArray();
        if (unpriced.Length > 0)
        {
            notes.Add($"No price for {string.Join(", ", unpriced)}: their tokens are counted but not in the total (give the endpoint a \"price\").");
        }

        notes.Add("Models without a price on a self-hosted endpoint (loopback, private network, single-label or .local host) are counted at $0; the students too unless training.studentPrice is set.");
        return new CostEstimate { Plan = plan.Name, Lines = lines, Notes = notes, Profiles = [.. profiles.OrderBy(p => p.Setting.Method).ThenBy(p => p.Setting.Domain).ThenBy(p => p.Tokenizer, StringComparer.Ordinal)] };
    }

    private static SettingTokenProfile Profile(AgoraBenchPlan plan, AgoraBenchSetting setting, IReadOnlyList<SyntheticInstance> seeds, string key, TokenizerCatalog catalog)
    {
        var counter = catalog.Get(key);
        var e = plan.Estimate;
        int usable = setting.Method == GenerationMethod.InstanceGeneration ? seeds.Count : Math.Min(plan.Instances, seeds.Count);
        var random = new Random(StableSeed.Mix(plan.RandomSeed, (int)setting.Method, StableSeed.Of(setting.Domain)));
        int[] order = [.. Enumerable.Range(0, usable)];
        random.Shuffle(order);
        int sampleSize = Math.Min(e.SampleSize, usable);
        var sample = order.Take(sampleSize).Order().ToArray();

        // Real prompts, as the engine builds them (the first attempt of the first items, or of the sampled seeds).
        string template = plan.Generation.Templates.TryGetValue(setting.Key, out string? file) ? File.ReadAllText(file) : MetaPrompts.Template(setting.Method, setting.Domain, plan.Generation.PromptStyle);
        // A declared domain's own themes, as the generate step draws them.
        var themes = plan.Domains.TryGetValue(AgoraBenchNames.ToName(setting.Domain), out var declared) && declared.Themes.Count > 0 ? declared.Themes : GenerationThemes.For(setting.Domain);
        int system = counter.CountTokens(MetaPrompts.SystemMessage);
        int prompts = Math.Min(MaxPrompts, setting.Method == GenerationMethod.InstanceGeneration ? plan.Instances : sampleSize);
        double promptTokens = 0;
        for (int i = 0; i < prompts; i++)
        {
            string text = setting.Method == GenerationMethod.InstanceGeneration
                ? GenerationPromptBuilder.InstanceGeneration(template, themes, seeds, [], new Random(StableSeed.Mix(plan.RandomSeed, i, 1)), plan.Generation.DemonstrationMode, plan.Generation.PromptStyle).Text
                : GenerationPromptBuilder.ForSeed(template, seeds[sample[i]]).Text;
            promptTokens += counter.CountTokens(text);
        }

        promptTokens = (prompts == 0 ? 0 : promptTokens / prompts) + system + ChatOverheadTokens;

        var instruction = new double[sampleSize];
        var response = new double[sampleSize];
        for (int i = 0; i < sampleSize; i++)
        {
            instruction[i] = counter.CountTokens(seeds[sample[i]].Instruction);
            response[i] = counter.CountTokens(seeds[sample[i]].Response ?? string.Empty);
        }

        double meanInstruction = sampleSize == 0 ? 0 : instruction.Average();
        double meanResponse = sampleSize == 0 ? 0 : response.Average();
        bool hasResponses = response.Any(r => r > 0);
        if (!hasResponses)
        {
            meanResponse = e.DefaultResponseTokens;
        }

        double[] outputs = setting.Method switch
        {
            GenerationMethod.ResponseGeneration => hasResponses ? response : [],
            _ => [.. instruction.Zip(response, (a, b) => a + b + InstanceMarkerTokens)],
        };
        double output = outputs.Length == 0 ? e.DefaultResponseTokens : outputs.Average();
        double margin = outputs.Length < 2 ? 0 : 1.96 * Math.Sqrt(outputs.Sum(x => (x - output) * (x - output)) / (outputs.Length - 1) / outputs.Length) * (sampleSize < usable ? 1 : 0);
        return new SettingTokenProfile(setting, TokenizerCatalog.Label(key, exact: true), sampleSize, promptTokens, meanInstruction, meanResponse, output, margin);
    }
}
