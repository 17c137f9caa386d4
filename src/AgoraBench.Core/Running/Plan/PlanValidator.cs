using System.Globalization;

namespace AgoraBench;

/// <summary>The semantic checks of a plan; every problem is collected, each with its JSON path.</summary>
internal static class PlanValidator
{
    public static readonly string[] BuiltInTrainers = ["command", "precomputed"];

    public static IReadOnlyList<DataError> Validate(AgoraBenchPlan plan, IEnumerable<string>? additionalTrainers, GraderRegistry? graders = null, BenchmarkCatalog? hostBenchmarks = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var errors = new List<DataError>();
        void Error(string path, string message) => errors.Add(plan.Locations?.Error(path, message) ?? new DataError(plan.SourcePath, null, path, message));
        void File(string path, string? file, string what)
        {
            if (file is not null && !System.IO.File.Exists(file))
            {
                Error(path, $"the {what} {file} does not exist");
            }
        }

        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            Error("$.name", "is missing: give the study a name");
        }

        if (plan.Settings.Count == 0)
        {
            Error("$.settings", "is missing or empty: list the settings to run (method/domain), or [\"all\"]");
        }

        foreach (var duplicate in plan.Settings.GroupBy(s => s.Key).Where(g => g.Count() > 1))
        {
            Error("$.settings", $"lists {duplicate.Key} {duplicate.Count()} times");
        }

        if (plan.Instances < 1)
        {
            Error("$.instances", $"must be at least 1; it is {plan.Instances}");
        }

        var seedFiles = new Dictionary<string, (IReadOnlyList<SyntheticInstance> Seeds, List<int> Lines, List<DataError> Errors)>(StringComparer.Ordinal);
        foreach (var setting in plan.Settings.Distinct())
        {
            string path = JsonLineIndex.Path("$.seeds", setting.Key);
            if (!plan.Seeds.TryGetValue(setting.Key, out string? seedFile))
            {
                Error(path, setting.Domain.IsBuiltIn
                    ? $"is missing: {setting.Key} needs seed data ({setting.SeedData} in the paper)"
                    : $"is missing: {setting.Key} needs seed data of the domain '{setting.Domain}': a JSON Lines, JSON array or CSV file of instruction/response (or question/answer) pairs");
            }
            else if (!System.IO.File.Exists(seedFile))
            {
                File(path, seedFile, "seed file");
            }
            else
            {
                // Each file is read once; its own problems are named once, under the first setting that uses it.
                bool first = !seedFiles.TryGetValue(seedFile, out var read);
                if (first)
                {
                    var readErrors = new List<DataError>();
                    var lines = new List<int>();
                    read = (SyntheticDataset.ReadSeeds(System.IO.File.ReadAllBytes(seedFile), seedFile, readErrors, lines), lines, readErrors);
                    seedFiles[seedFile] = read;
                    foreach (string problem in ProblemTable.Capped(read.Errors, seedFile))
                    {
                        Error(path, problem);
                    }
                }

                SeedProblems(setting, seedFile, read.Seeds, read.Lines, path, Error);
            }
        }

        var declaredDomains = new Dictionary<BenchmarkDomain, PlanDomain>();
        foreach (var (name, declared) in plan.Domains)
        {
            if (AgoraBenchNames.TryParseDomain(name, out var domain))
            {
                declaredDomains.TryAdd(domain, declared);
            }
        }

        foreach (var setting in plan.Settings.Distinct().Where(s => !s.Domain.IsBuiltIn))
        {
            string path = JsonLineIndex.Index("$.settings", plan.Settings.ToList().IndexOf(setting));
            if (!declaredDomains.ContainsKey(setting.Domain))
            {
                string known = string.Join(", ", AgoraBenchSettings.Domains.Select(AgoraBenchNames.ToName).Concat(declaredDomains.Keys.Select(d => d.Name)));
                string? nearest = Suggest.Nearest(setting.Domain.Name, [.. AgoraBenchSettings.Domains.Select(AgoraBenchNames.ToName), .. declaredDomains.Keys.Select(d => d.Name)]);
                Error(path, nearest is null
                    ? $"'{setting.Key}': '{setting.Domain}' is not a domain; declare it under $.domains (with its benchmarks) or use one of: {known}"
                    : $"'{setting.Key}': '{setting.Domain}' is not a domain; did you mean '{nearest}'? (or declare it under $.domains)");
            }
            else if (!plan.Generation.Templates.ContainsKey(setting.Key))
            {
                Error(JsonLineIndex.Path("$.generation.templates", setting.Key), $"is missing: '{setting.Domain}' is a declared domain, which has no paper meta-prompt; name a template file written in the paper's placeholder format");
            }
        }

        if (plan.Generators.Count == 0)
        {
            Error("$.generators", "is missing or empty: list at least one generator");
        }

        var slugs = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < plan.Generators.Count; i++)
        {
            var generator = plan.Generators[i];
            string path = JsonLineIndex.Index("$.generators", i);
            if (string.IsNullOrWhiteSpace(generator.Name))
            {
                Error(path + ".name", "is missing");
            }
            else if (slugs.TryGetValue(RunDirectory.Slug(generator.Name), out string? other))
            {
                Error(path + ".name", other == generator.Name ? $"'{generator.Name}' is listed twice" : $"'{generator.Name}' and '{other}' would share a run folder; rename one");
            }
            else
            {
                slugs[RunDirectory.Slug(generator.Name)] = generator.Name;
            }

            Endpoint(path, generator.Endpoint, Error);
        }

        var g = plan.Generation;
        if (g.MaxAttempts < 1)
        {
            Error("$.generation.maxAttempts", $"must be at least 1; it is {g.MaxAttempts}");
        }

        if (g.Temperature is < 0 or > 2 || float.IsNaN(g.Temperature))
        {
            Error("$.generation.temperature", $"must be between 0 and 2; it is {g.Temperature.ToString(CultureInfo.InvariantCulture)}");
        }

        if (g.TopP is <= 0 or > 1 || float.IsNaN(g.TopP))
        {
            Error("$.generation.topP", $"must be in (0, 1]; it is {g.TopP.ToString(CultureInfo.InvariantCulture)}");
        }

        if (g.MaxOutputTokens < 1)
        {
            Error("$.generation.maxOutputTokens", "must be positive");
        }

        if (g.BudgetUsdPerCell is <= 0)
        {
            Error("$.generation.budgetUsdPerCell", "must be positive");
        }

        File("$.generation.lengthTokenizerFile", g.LengthTokenizerFile, "tokenizer file");
        foreach (var (key, template) in g.Templates)
        {
            string path = JsonLineIndex.Path("$.generation.templates", key);
            if (!System.IO.File.Exists(template))
            {
                Error(path, $"the template {template} does not exist");
                continue;
            }

            if (!AgoraBenchSetting.TryParse(key, out var setting))
            {
                continue;
            }

            string text = System.IO.File.ReadAllText(template);
            foreach (string problem in MetaPrompts.Validate(text, setting.Method, setting.Domain, g.PromptStyle))
            {
                Error(path, $"{template}: {problem}");
            }

            if (!setting.Domain.IsBuiltIn && setting.Method == GenerationMethod.InstanceGeneration && declaredDomains.TryGetValue(setting.Domain, out var declared))
            {
                bool usesTheme = text.Contains("<input_theme>", StringComparison.Ordinal);
                if (declared.Themes.Count > 0 && !usesTheme)
                {
                    Error(path, $"{template}: the placeholder <input_theme> is missing; the domain '{setting.Domain}' lists themes, one of which each prompt names there");
                }
                else if (declared.Themes.Count == 0 && usesTheme)
                {
                    Error(path, $"{template}: uses <input_theme> but the domain '{setting.Domain}' lists no themes; add \"themes\" to $.domains.{declared.Name} or remove the placeholder");
                }
            }
        }

        ValidateMetrics(plan.Metrics, Error);
        ValidateTraining(plan, additionalTrainers, Error, File);
        ValidateEvaluation(plan, Error, File);
        PlanBenchmarkValidator.Validate(plan, graders ?? GraderRegistry.BuiltIn, hostBenchmarks ?? new BenchmarkCatalog(), Error);

        var a = plan.Analysis;
        File("$.analysis.problemSolvingFile", a.ProblemSolvingFile, "problem-solving file");
        File("$.analysis.scalingFile", a.ScalingFile, "scaling file");
        if (a.PrincipalComponents < 1)
        {
            Error("$.analysis.principalComponents", "must be at least 1");
        }

        if (a.BudgetUsdPerSetting is double budget && !(budget > 0))
        {
            Error("$.analysis.budgetUsdPerSetting", "must be positive");
        }

        var e = plan.Estimate;
        if (!(e.AttemptsPerInstance >= 1))
        {
            Error("$.estimate.attemptsPerInstance", "must be at least 1");
        }

        foreach (var (name, value) in new[] { ("sampleSize", e.SampleSize), ("defaultResponseTokens", e.DefaultResponseTokens), ("judgeOutputTokens", e.JudgeOutputTokens), ("pairwiseJudgeOutputTokens", e.PairwiseJudgeOutputTokens), ("evaluationOutputTokens", e.EvaluationOutputTokens) })
        {
            if (value < 1)
            {
                Error("$.estimate." + name, "must be positive");
            }
        }

        return errors;
    }

    /// <summary>What a setting's method needs of each seed: an instruction always, and a response for instance generation and quality enhancement.</summary>
    private static void SeedProblems(AgoraBenchSetting setting, string file, IReadOnlyList<SyntheticInstance> seeds, List<int> lines, string path, Action<string, string> error)
    {
        var bad = new List<string>();
        for (int i = 0; i < seeds.Count; i++)
        {
            var seed = seeds[i];
            string where = $"{file}:{(i < lines.Count ? lines[i] : i + 1).ToString(CultureInfo.InvariantCulture)}";
            if (string.IsNullOrWhiteSpace(seed.Instruction))
            {
                bad.Add($"{where}: field 'instruction': is empty; every seed needs an instruction");
            }

            if (setting.Method != GenerationMethod.ResponseGeneration && string.IsNullOrWhiteSpace(seed.Response))
            {
                bad.Add($"{where}: field 'response': is missing or empty; {AgoraBenchNames.ToName(setting.Method)} needs instruction/response pairs (only response generation reads instructions alone)");
            }
        }

        foreach (string problem in bad.Take(ProblemTable.RecordsNamed))
        {
            error(path, problem);
        }

        if (bad.Count > ProblemTable.RecordsNamed)
        {
            error(path, $"{file}: … and {bad.Count - ProblemTable.RecordsNamed} more seed problems of the same kinds");
        }
    }

    private static void Endpoint(string path, ModelEndpoint endpoint, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(endpoint.Model))
        {
            error(path + ".model", "is missing: name the model id the endpoint serves");
        }

        if (endpoint.Concurrency < 1)
        {
            error(path + ".concurrency", $"must be at least 1; it is {endpoint.Concurrency}");
        }

        if (endpoint.RequestsPerMinute is < 1)
        {
            error(path + ".requestsPerMinute", "must be positive");
        }

        if (endpoint.TokensPerMinute is < 1)
        {
            error(path + ".tokensPerMinute", "must be positive");
        }

        if (endpoint.Timeout <= TimeSpan.Zero)
        {
            error(path + ".timeoutSeconds", "must be positive");
        }

        if (endpoint.Price is { } price && (price.InputUsdPerMillionTokens < 0 || price.OutputUsdPerMillionTokens < 0))
        {
            error(path + ".price", "prices must not be negative");
        }

        if (endpoint.ApiKeyEnvironmentVariable is { } variable && !IsVariableName(variable))
        {
            error(path + ".apiKeyEnv", "must be the name of an environment variable (letters, digits, _), not a key");
        }

        if (endpoint.Backend == ModelBackend.Batch && endpoint.Replicas.Count > 0)
        {
            error(path + ".replicas", "a batch back end is one API: give one endpoint, not replicas");
        }

        if (endpoint.Replicas.Count != endpoint.Replicas.Distinct().Count())
        {
            error(path + ".replicas", "lists a replica more than once");
        }

        if (endpoint.Tokenizer is { } tokenizer && tokenizer is not ("o200k_base" or "cl100k_base") && !System.IO.File.Exists(tokenizer))
        {
            error(path + ".tokenizer", $"must be o200k_base, cl100k_base or an existing Llama-3 tokenizer.model; {tokenizer} does not exist");
        }
    }

    private static bool IsVariableName(string name) => name.Length is > 0 and <= 128 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void ValidateMetrics(PlanMetrics m, Action<string, string> error)
    {
        for (int i = 0; i < m.Names.Count; i++)
        {
            if (!IntrinsicMetricNames.All.Contains(m.Names[i]))
            {
                error(JsonLineIndex.Index("$.metrics.names", i), $"'{m.Names[i]}' is not a metric; expected {string.Join(", ", IntrinsicMetricNames.All)}");
            }
        }

        foreach (var duplicate in m.Names.GroupBy(n => n).Where(n => n.Count() > 1))
        {
            error("$.metrics.names", $"lists {duplicate.Key} twice");
        }

        bool judged = m.Names.Any(n => n is IntrinsicMetricNames.InstructionDifficulty or IntrinsicMetricNames.ResponseQuality);
        bool embedded = m.Names.Any(n => n is IntrinsicMetricNames.InstructionDiversity or IntrinsicMetricNames.ResponseDiversity);
        if (judged && m.Judge is null)
        {
            error("$.metrics.judge", "is missing: instruction-difficulty and response-quality need a judge model");
        }

        if (embedded && m.Embedding is null)
        {
            error("$.metrics.embedding", "is missing: instruction-diversity and response-diversity need an embedding model");
        }

        if (m.Names.Contains(IntrinsicMetricNames.ResponsePerplexity))
        {
            if (m.Perplexity is null)
            {
                error("$.metrics.perplexity", "is missing: response-perplexity needs a scoring model on a /v1/completions endpoint (vLLM)");
            }
            else if (m.Perplexity.Endpoint is null)
            {
                error("$.metrics.perplexity.endpoint", "is missing: response-perplexity needs a /v1/completions endpoint that echoes prompt logprobs (vLLM)");
            }
        }

        foreach (var (name, endpoint) in new[] { ("judge", m.Judge), ("embedding", m.Embedding), ("perplexity", m.Perplexity) })
        {
            if (endpoint is not null)
            {
                Endpoint("$.metrics." + name, endpoint, error);
            }
        }

        if (m.Concurrency < 1)
        {
            error("$.metrics.concurrency", "must be at least 1");
        }
    }

    private static void ValidateTraining(AgoraBenchPlan plan, IEnumerable<string>? additionalTrainers, Action<string, string> error, Action<string, string?, string> file)
    {
        var t = plan.Training;
        // Without the registered names (a plan read on its own) only the name's presence is checked here; the runner,
        // which knows its trainer providers, checks it again with them.
        if (additionalTrainers is null)
        {
            if (string.IsNullOrWhiteSpace(t.Trainer))
            {
                error("$.training.trainer", $"must not be empty; the built-in trainers are {string.Join(", ", BuiltInTrainers)}");
            }
        }
        else
        {
            var trainers = BuiltInTrainers.Concat(additionalTrainers).Distinct(StringComparer.Ordinal).ToArray();
            if (!trainers.Contains(t.Trainer, StringComparer.Ordinal))
            {
                error("$.training.trainer", $"'{t.Trainer}' is not a registered trainer; registered: {string.Join(", ", trainers)} (a provider package such as AgoraBench.OpenAI registers its own)");
            }
        }

        if (string.IsNullOrWhiteSpace(t.BaseModel))
        {
            error("$.training.baseModel", "must not be empty");
        }

        if (t.Trainer == "command")
        {
            if (string.IsNullOrWhiteSpace(t.Command))
            {
                error("$.training.command", "is missing: the command trainer needs a command template, for example \"accelerate launch train_sft.py --data {data} --output-dir {output_dir}\"");
            }
            else
            {
                foreach (string problem in new CommandStudentTrainerOptions { CommandTemplate = t.Command }.Validate())
                {
                    error("$.training.command", problem);
                }
            }
        }

        if (t.Trainer == "precomputed")
        {
            foreach (var generator in plan.Generators)
            {
                foreach (var setting in plan.Settings.Distinct())
                {
                    string path = JsonLineIndex.Path(JsonLineIndex.Path("$.training.students", generator.Name), setting.Key);
                    if (!t.Students.TryGetValue(generator.Name, out var files) || !files.TryGetValue(setting.Key, out string? student))
                    {
                        error(path, $"is missing: the precomputed trainer needs a student.json for {generator.Name} on {setting.Key}");
                    }
                    else
                    {
                        file(path, student, "student file");
                    }
                }
            }
        }

        foreach (string problem in t.Hyperparameters.Validate())
        {
            error("$.training.hyperparameters", problem);
        }

        if (t.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            error("$.training.timeoutMinutes", "must be positive");
        }

        if (t.PriceUsdPerMillionTrainingTokens is < 0)
        {
            error("$.training.priceUsdPerMillionTrainingTokens", "must not be negative");
        }

        if (t.StudentConcurrency < 1)
        {
            error("$.training.studentConcurrency", "must be at least 1");
        }

        if (t.Repeats < 1)
        {
            error("$.training.repeats", "must be at least 1 (the training runs per cell)");
        }
        else if (t.Repeats > 1 && t.Trainer == "precomputed")
        {
            error("$.training.repeats", $"is {t.Repeats}, but the precomputed trainer has one student per cell; repeats need a trainer that trains");
        }

        if (t.Api is not null)
        {
            Endpoint("$.training.api", t.Api, error);
        }
    }

    private static void ValidateEvaluation(AgoraBenchPlan plan, Action<string, string> error, Action<string, string?, string> file)
    {
        var e = plan.Evaluation;
        if (e.Base is null)
        {
            error("$.evaluation.base", "is missing: PGR needs the base model's scores (the paper: meta-llama/Llama-3.1-8B)");
        }
        else
        {
            Endpoint("$.evaluation.base", e.Base, error);
        }

        if (e.Reference is null)
        {
            error("$.evaluation.reference", "is missing: PGR needs the reference model's scores (the paper: meta-llama/Llama-3.1-8B-Instruct)");
        }
        else
        {
            Endpoint("$.evaluation.reference", e.Reference, error);
        }

        if (e.Judge is not null)
        {
            Endpoint("$.evaluation.judge", e.Judge, error);
        }

        foreach (var domain in plan.Settings.Select(s => s.Domain).Distinct())
        {
            var ids = EvaluationBenchmarks.ForDomain(domain).Select(b => b.Id).ToArray();
            if (ids.Length == 0)
            {
                // A declared domain names its benchmarks under $.domains (checked there); an undeclared one is reported with its setting.
                continue;
            }

            if (!e.Benchmarks.Values.Any(b => b.Benchmark.Domain == domain))
            {
                error("$.evaluation.benchmarks", $"has no {AgoraBenchNames.ToName(domain)} benchmark; add {string.Join(" and/or ", ids)}");
            }
        }

        foreach (var (id, benchmark) in e.Benchmarks)
        {
            string path = JsonLineIndex.Path("$.evaluation.benchmarks", id);
            if (string.IsNullOrEmpty(benchmark.Problems))
            {
                error(path + ".problems", "is missing: the benchmark's problems file");
            }
            else
            {
                file(path + ".problems", benchmark.Problems, "problems file");
            }

            file(path + ".fewShotProblems", benchmark.FewShotProblems, "few-shot file");
            file(path + ".baseline", benchmark.Baseline, "baseline answers file");
            if (benchmark.Limit is < 1)
            {
                error(path + ".limit", "must be at least 1");
            }

            file(path + ".instructionDifficulty", benchmark.InstructionDifficulty, "instruction difficulty file");
            file(path + ".gamedBaselines", benchmark.GamedBaselines, "gamed baselines file");
            if ((benchmark.InstructionDifficulty is null) != (benchmark.GamedBaselines is null))
            {
                error(path + (benchmark.InstructionDifficulty is null ? ".instructionDifficulty" : ".gamedBaselines"), "is missing: AlpacaEval's length_controlled_v1 needs both instructionDifficulty and gamedBaselines");
            }
            else if (benchmark.InstructionDifficulty is not null && id != EvaluationBenchmarks.AlpacaEval2.Id)
            {
                error(path + ".instructionDifficulty", "applies to alpaca-eval only (its length-controlled win rate)");
            }

            if (id == "arena-hard" && benchmark.Baseline is null)
            {
                error(path + ".baseline", "is missing: Arena-Hard scores answers against a baseline's (for example gpt-4-0314.jsonl)");
            }

        }

        var judged = e.Benchmarks.Values.Where(b => b.Definition.Aggregation != "mean").Select(b => b.Benchmark.DisplayName).ToArray();
        if (judged.Length > 0 && e.Judge is null)
        {
            error("$.evaluation.judge", $"is missing: {string.Join(" and ", judged)} need a pairwise judge model");
        }

        if (e.BaseFewShot < 0)
        {
            error("$.evaluation.baseFewShot", "must not be negative");
        }

        if (e.BootstrapRounds < 0)
        {
            error("$.evaluation.bootstrapRounds", "must not be negative");
        }

        if (e.CodeTimeout <= TimeSpan.Zero)
        {
            error("$.evaluation.codeTimeoutSeconds", "must be positive");
        }
    }
}
