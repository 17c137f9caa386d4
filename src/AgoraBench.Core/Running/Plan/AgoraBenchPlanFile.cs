using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// Reads AGORABENCH plan files: JSON (comments and trailing commas allowed) described by <c>docs/plan.schema.json</c>.
/// Relative paths resolve against the plan's folder; <c>${VAR}</c> and <c>${VAR:-default}</c> in endpoints, model ids
/// and paths are read from the environment. API keys are never written in a plan: <c>apiKeyEnv</c> names the variable.
/// </summary>
public static class AgoraBenchPlanFile
{
    /// <summary>Reads and validates a plan file.</summary>
    /// <param name="path">The plan file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan, with absolute paths.</returns>
    /// <exception cref="DataValidationException">The file is not valid JSON or the plan has problems; every problem is listed with its line and JSON path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<AgoraBenchPlan> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        string text = await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
        return Parse(text, full);
    }

    /// <summary>Parses and validates a plan.</summary>
    /// <param name="json">The plan's JSON text.</param>
    /// <param name="sourcePath">The file it came from (for messages and relative paths), or <see langword="null"/>.</param>
    /// <param name="environment">Reads environment variables, or <see langword="null"/> for the process environment.</param>
    /// <param name="additionalTrainers">Trainer names registered besides the built-in ones, or <see langword="null"/> to leave the name to the runner, which checks it against its trainer providers.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="DataValidationException">The plan has problems; every problem is listed.</exception>
    internal static AgoraBenchPlan Parse(string json, string? sourcePath = null, Func<string, string?>? environment = null, IEnumerable<string>? additionalTrainers = null) =>
        Parse(json, sourcePath, environment, additionalTrainers, null, null);

    /// <summary>
    /// Reads and validates a plan file against a host's runner options: the grader kinds, benchmarks and trainer names
    /// the host registered (<c>AddGrader</c>, <c>AddBenchmark</c>) are known to the checks, and variables are read
    /// through <see cref="AgoraBenchRunnerOptions.Environment"/>.
    /// </summary>
    /// <param name="path">The plan file.</param>
    /// <param name="options">The options the plan will run with.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The plan, with absolute paths.</returns>
    /// <exception cref="DataValidationException">The file is not valid JSON or the plan has problems; every problem is listed with its line and JSON path.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async Task<AgoraBenchPlan> ReadAsync(string path, AgoraBenchRunnerOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        string full = Path.GetFullPath(path);
        string text = await File.ReadAllTextAsync(full, cancellationToken).ConfigureAwait(false);
        IEnumerable<string> trainers = options.Trainer is { } trainer ? [.. options.RegisteredTrainerNames, trainer.Name, .. PlannedTrainer(text)] : [.. options.RegisteredTrainerNames];
        return Parse(text, full, options.Environment, trainers, options.Graders, options.Benchmarks);
    }

    // A host's trainer replaces whichever one the plan names, so that name is accepted too.
    private static string[] PlannedTrainer(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?["training"]?["trainer"] is JsonValue v && v.TryGetValue(out string? name) ? [name] : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static AgoraBenchPlan Parse(string json, string? sourcePath, Func<string, string?>? environment, IEnumerable<string>? additionalTrainers, GraderRegistry? graders, BenchmarkCatalog? hostBenchmarks)
    {
        ArgumentNullException.ThrowIfNull(json);
        string source = sourcePath ?? "plan";
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new DataValidationException([new DataError(source, (int)(ex.LineNumber ?? 0) + 1, null, "not valid JSON: " + JsonErrorText.Describe(ex))]);
        }

        using (document)
        {
            var locations = new PlanLocations(source, JsonLineIndex.Build(utf8));
            string baseDirectory = sourcePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(sourcePath))!;
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataValidationException([new DataError(source, 1, "$", "a plan is a JSON object")]);
            }

            // The file against the plan records (keys, types, limits), then its values into the plan (variables, paths,
            // settings, benchmarks), then the checks that need the whole plan or the disk.
            var checker = new PlanDocumentReader(locations);
            var planDocument = checker.Read(root);
            var reader = new PlanJson(locations, baseDirectory, environment ?? Environment.GetEnvironmentVariable);
            var plan = ReadPlan(reader, planDocument);
            plan.SourcePath = sourcePath is null ? null : Path.GetFullPath(sourcePath);
            plan.Locations = locations;
            var validation = PlanValidator.Validate(plan, additionalTrainers, graders, hostBenchmarks);

            // A value left out or not understood is reported once, not again by the checks that ran without it; a broken
            // limit that a check names in its own words is reported in those words.
            var dropped = new HashSet<string>(checker.RejectedPaths.Concat(reader.ErrorPaths), StringComparer.Ordinal);
            bool Under(DataError e) => e.Field is { } field && dropped.Any(p => field == p || field.StartsWith(p + ".", StringComparison.Ordinal) || field.StartsWith(p + "[", StringComparison.Ordinal));
            var validated = validation.Where(e => !Under(e)).ToList();
            var named = new HashSet<string?>(reader.Errors.Concat(validated).Select(e => e.Field), StringComparer.Ordinal);
            var errors = new List<DataError>(checker.Rejected);
            errors.AddRange(checker.Violations.Where(e => !named.Contains(e.Field) && !Under(e)));
            errors.AddRange(reader.Errors);
            errors.AddRange(validated);
            if (errors.Count > 0)
            {
                throw new DataValidationException(errors);
            }

            return plan;
        }
    }

    private static AgoraBenchPlan ReadPlan(PlanJson r, PlanDocument d)
    {
        var settings = new List<AgoraBenchSetting>();
        var settingKeys = d.Settings ?? [];
        for (int i = 0; i < settingKeys.Count; i++)
        {
            if (settingKeys[i] is not { } key)
            {
                continue;
            }

            if (key == "all")
            {
                settings.AddRange(AgoraBenchSettings.All);
            }
            else if (AgoraBenchSetting.TryParse(key, out var setting))
            {
                settings.Add(setting);
            }
            else
            {
                r.Error(JsonLineIndex.Index("$.settings", i), $"'{key}' is not a setting; write method/domain, for example instance-generation/math, or \"all\"");
            }
        }

        var generators = new List<PlanGenerator>();
        var generatorDocuments = d.Generators ?? [];
        for (int i = 0; i < generatorDocuments.Count; i++)
        {
            if (generatorDocuments[i] is { } g)
            {
                string name = g.Name ?? string.Empty;
                generators.Add(new PlanGenerator(name, ReadEndpoint(r, g, g.Model, JsonLineIndex.Index("$.generators", i), defaultModel: name)));
            }
        }

        var domains = d.Domains ?? [];
        return new AgoraBenchPlan
        {
            Name = d.Name ?? string.Empty,
            Settings = settings,
            Generators = generators,
            Seeds = SettingFiles(r, d.Seeds, "$.seeds"),
            Instances = d.Instances,
            RandomSeed = d.RandomSeed,
            Generation = ReadGeneration(r, d.Generation),
            Metrics = ReadMetrics(r, d.Metrics),
            Training = ReadTraining(r, d.Training),
            Domains = ReadDomains(r, domains),
            Evaluation = ReadEvaluation(r, d.Evaluation, domains),
            Analysis = ReadAnalysis(r, d.Analysis),
            Estimate = ReadEstimate(d.Estimate),
        };
    }

    /// <summary>Files by setting key, the keys in their canonical form.</summary>
    private static Dictionary<string, string> SettingFiles(PlanJson r, SettingFileMap? files, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, file) in files ?? [])
        {
            string filePath = PlanJson.Path(path, key);
            if (AgoraBenchSetting.TryParse(key, out var setting))
            {
                map[setting.Key] = r.Resolve(r.Expand(file, filePath));
            }
            else
            {
                r.Error(filePath, $"'{key}' is not a setting key (method/domain)");
            }
        }

        return map;
    }

    private static ModelEndpoint ReadEndpoint(PlanJson r, ModelAccessDocument e, string? model, string path, string? defaultModel = null)
    {
        Uri? endpoint = null;
        if (r.Expanded(e.Endpoint, PlanJson.Path(path, "endpoint")) is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                r.Error(PlanJson.Path(path, "endpoint"), $"'{url}' is not an absolute http(s) URL");
                endpoint = null;
            }
        }

        var replicas = new List<Uri>();
        var replicaTexts = e.Replicas ?? [];
        for (int i = 0; i < replicaTexts.Count; i++)
        {
            string replicaPath = JsonLineIndex.Index(PlanJson.Path(path, "replicas"), i);
            if (r.Expanded(replicaTexts[i], replicaPath) is { Length: > 0 } text)
            {
                if (Uri.TryCreate(text, UriKind.Absolute, out var replica) && (replica.Scheme == Uri.UriSchemeHttp || replica.Scheme == Uri.UriSchemeHttps))
                {
                    replicas.Add(replica);
                }
                else
                {
                    r.Error(replicaPath, $"'{text}' is not an absolute http(s) URL");
                }
            }
        }

        string? tokenizer = r.Expanded(e.Tokenizer, PlanJson.Path(path, "tokenizer"));

        // A model without an endpoint is OpenAI's, or whatever OPENAI_BASE_URL points at (as OpenAI's own clients do),
        // with its key from OPENAI_API_KEY when that is set.
        string? keyVariable = e.ApiKeyEnv;
        if (endpoint is null && replicas.Count == 0 && e.Endpoint is null
            && r.Variable("OPENAI_BASE_URL") is { Length: > 0 } baseUrl
            && Uri.TryCreate(baseUrl, UriKind.Absolute, out var fromEnvironment) && (fromEnvironment.Scheme == Uri.UriSchemeHttp || fromEnvironment.Scheme == Uri.UriSchemeHttps))
        {
            endpoint = fromEnvironment;
            keyVariable ??= r.Variable("OPENAI_API_KEY") is { Length: > 0 } ? "OPENAI_API_KEY" : null;
        }

        double seconds = e.TimeoutSeconds;
        return new ModelEndpoint
        {
            Model = r.Expanded(model, PlanJson.Path(path, "model")) ?? defaultModel ?? string.Empty,
            Endpoint = endpoint ?? replicas.FirstOrDefault(),
            Replicas = replicas,
            Backend = e.Backend == "batch" ? ModelBackend.Batch : ModelBackend.Online,
            ApiKeyEnvironmentVariable = keyVariable,
            Price = Price(e.Price),
            Tokenizer = tokenizer is null or "o200k_base" or "cl100k_base" ? tokenizer : r.Resolve(tokenizer),
            Concurrency = e.Concurrency,
            RequestsPerMinute = e.RequestsPerMinute,
            TokensPerMinute = e.TokensPerMinute,
            Timeout = seconds > 0 && seconds < 1e6 ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero,
        };
    }

    private static ModelPrice? Price(PriceDocument? price) => price is null ? null : new ModelPrice(price.Input ?? 0, price.Output ?? 0);

    private static ModelEndpoint? OptionalEndpoint(PlanJson r, EndpointDocument? e, string path) =>
        e is null ? null : ReadEndpoint(r, e, e.Model, path);

    private static PlanGeneration ReadGeneration(PlanJson r, GenerationDocument? g)
    {
        const string P = "$.generation";
        if (g is null)
        {
            return new PlanGeneration();
        }

        return new PlanGeneration
        {
            PromptStyle = g.PromptStyle == "json" ? PromptStyle.Json : PromptStyle.Agora,
            DemonstrationMode = g.Demonstrations == "reference-code" ? DemonstrationMode.ReferenceCode : DemonstrationMode.SeedAndGenerated,
            MaxAttempts = g.MaxAttempts,
            Temperature = (float)g.Temperature,
            TopP = (float)g.TopP,
            MaxOutputTokens = g.MaxOutputTokens,
            BudgetUsdPerCell = g.BudgetUsdPerCell,
            LengthTokenizerFile = r.FilePath(g.LengthTokenizerFile, P + ".lengthTokenizerFile"),
            Templates = SettingFiles(r, g.Templates, P + ".templates"),
        };
    }

    private static PlanMetrics ReadMetrics(PlanJson r, MetricsDocument? m)
    {
        const string P = "$.metrics";
        if (m is null)
        {
            return new PlanMetrics();
        }

        return new PlanMetrics
        {
            Names = [.. (m.Names ?? []).OfType<string>()],
            Judge = OptionalEndpoint(r, m.Judge, P + ".judge"),
            Embedding = OptionalEndpoint(r, m.Embedding, P + ".embedding"),
            Perplexity = OptionalEndpoint(r, m.Perplexity, P + ".perplexity"),
            Concurrency = m.Concurrency,
        };
    }

    private static PlanTraining ReadTraining(PlanJson r, TrainingDocument? t)
    {
        const string P = "$.training";
        var defaults = new PlanTraining();
        if (t is null)
        {
            return defaults;
        }

        var hyperparameters = new TrainingHyperparameters();
        if (t.Hyperparameters is { } h)
        {
            hyperparameters = new TrainingHyperparameters
            {
                Epochs = h.Epochs,
                LearningRate = h.LearningRate,
                BatchSize = h.BatchSize,
                GradientAccumulationSteps = h.GradientAccumulationSteps,
                MaxSequenceLength = h.MaxSequenceLength,
                Seed = h.Seed,
                LearningRateMultiplier = h.LearningRateMultiplier,
            };
        }

        var students = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (generator, files) in t.Students ?? [])
        {
            students[generator] = SettingFiles(r, files, PlanJson.Path(P + ".students", generator));
        }

        return new PlanTraining
        {
            Trainer = t.Trainer,
            BaseModel = r.Expand(t.BaseModel, P + ".baseModel"),
            Command = t.Command,
            Format = SftExporter.TryParseFormat(t.Format, out var format) ? format : defaults.Format,
            Timeout = t.TimeoutMinutes is double m ? TimeSpan.FromMinutes(Math.Clamp(m, 0, 1e6)) : null,
            Hyperparameters = hyperparameters,
            Environment = t.Environment is { } environment ? new Dictionary<string, string>(environment, StringComparer.Ordinal) : defaults.Environment,
            Api = OptionalEndpoint(r, t.Api, P + ".api"),
            Students = students,
            PriceUsdPerMillionTrainingTokens = t.PriceUsdPerMillionTrainingTokens,
            StudentPrice = Price(t.StudentPrice),
            StudentConcurrency = t.StudentConcurrency,
            Repeats = t.Repeats,
        };
    }

    private static PlanEvaluation ReadEvaluation(PlanJson r, EvaluationDocument? e, Dictionary<string, DomainDocument> domains)
    {
        const string P = "$.evaluation";
        var defaults = new PlanEvaluation();
        if (e is null)
        {
            return defaults;
        }

        var benchmarks = new Dictionary<string, PlanBenchmark>(StringComparer.Ordinal);
        foreach (var (id, b) in e.Benchmarks ?? [])
        {
            string path = PlanJson.Path(P + ".benchmarks", id);
            bool declared = b.Prompt is not null || b.Grader is not null;
            BenchmarkDefinition? definition = null;
            if (!EvaluationBenchmarks.TryFind(id, out var benchmark) || declared)
            {
                if (!declared && HostBenchmark(domains, id) is { } hosted)
                {
                    // A benchmark a host registers (AddBenchmark): the plan names it and its problems; the runner checks that it exists.
                    (benchmark, definition) = (new EvaluationBenchmark(id, id, hosted, "score (%)"), new BenchmarkDefinition { Id = id, Domain = AgoraBenchNames.ToName(hosted), Grader = new GraderSpec(string.Empty) });
                }
                else if (!declared)
                {
                    r.Error(path, $"'{id}' is not a built-in benchmark ({string.Join(", ", EvaluationBenchmarks.All.Select(x => x.Id))}); declare it with \"prompt\" and \"grader\"");
                    continue;
                }
                else
                {
                    (benchmark, definition) = ReadDeclaredBenchmark(r, domains, id, b, path, benchmark);
                }

                if (benchmark is null)
                {
                    continue;
                }
            }

            benchmarks[benchmark.Id] = new PlanBenchmark
            {
                Benchmark = benchmark,
                Definition = definition!,
                Problems = r.FilePath(b.Problems, path + ".problems") ?? string.Empty,
                FewShotProblems = r.FilePath(b.FewShotProblems, path + ".fewShotProblems"),
                Limit = b.Limit,
                Baseline = r.FilePath(b.Baseline, path + ".baseline"),
                InstructionDifficulty = r.FilePath(b.InstructionDifficulty, path + ".instructionDifficulty"),
                GamedBaselines = r.FilePath(b.GamedBaselines, path + ".gamedBaselines"),
            };
        }

        double codeTimeout = e.CodeTimeoutSeconds;
        return new PlanEvaluation
        {
            Base = OptionalEndpoint(r, e.Base, P + ".base"),
            Reference = OptionalEndpoint(r, e.Reference, P + ".reference"),
            BaseFewShot = e.BaseFewShot,
            Benchmarks = benchmarks,
            Judge = OptionalEndpoint(r, e.Judge, P + ".judge"),
            ProblemSolving = e.ProblemSolving,
            BootstrapRounds = e.BootstrapRounds,
            CodeTimeout = TimeSpan.FromSeconds(Math.Clamp(codeTimeout, 0, 1e6)),
        };
    }

    private static Dictionary<string, PlanDomain> ReadDomains(PlanJson r, Dictionary<string, DomainDocument> documents)
    {
        var domains = new Dictionary<string, PlanDomain>(StringComparer.Ordinal);
        foreach (var (name, d) in documents)
        {
            string path = PlanJson.Path("$.domains", name);
            var rubrics = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (metric, file) in new[] { (IntrinsicMetricNames.InstructionDifficulty, d.Rubrics?.InstructionDifficulty), (IntrinsicMetricNames.ResponseQuality, d.Rubrics?.ResponseQuality) })
            {
                if (r.FilePath(file, PlanJson.Path(path + ".rubrics", metric)) is { } resolved)
                {
                    rubrics[metric] = resolved;
                }
            }

            domains[name] = new PlanDomain
            {
                Name = name,
                Description = d.Description,
                Themes = [.. (d.Themes ?? []).OfType<string>()],
                Validator = d.Validator,
                Benchmarks = [.. (d.Benchmarks ?? []).OfType<string>()],
                Rubrics = rubrics,
            };
        }

        return domains;
    }

    /// <summary>The domain of a declared benchmark no domain lists; such a plan never validates, so it is never run.</summary>
    private static readonly BenchmarkDomain Unassigned = new("0-unassigned");

    /// <summary>The name of the first domain that lists a benchmark, or <see langword="null"/>.</summary>
    private static string? ListingDomain(Dictionary<string, DomainDocument> domains, string id) =>
        domains.Where(d => d.Value.Benchmarks?.Contains(id, StringComparer.Ordinal) == true).Select(d => d.Key).FirstOrDefault();

    private static BenchmarkDomain? HostBenchmark(Dictionary<string, DomainDocument> domains, string id) =>
        domains.Where(d => d.Value.Benchmarks?.Contains(id, StringComparer.Ordinal) == true && AgoraBenchNames.TryParseDomain(d.Key, out _))
            .Select(d => AgoraBenchNames.TryParseDomain(d.Key, out var domain) ? domain : (BenchmarkDomain?)null)
            .FirstOrDefault();

    /// <summary>A benchmark the plan declares with a prompt and a grader; its domain is the plan's domain that lists it.</summary>
    private static (EvaluationBenchmark? Benchmark, BenchmarkDefinition? Definition) ReadDeclaredBenchmark(PlanJson r, Dictionary<string, DomainDocument> domains, string id, BenchmarkDocument b, string path, EvaluationBenchmark? builtIn)
    {
        string? domainName = ListingDomain(domains, id);
        BenchmarkDomain domain;
        if (domainName is null)
        {
            // No domain lists it: the validator says so, and still checks the rest of its declaration.
            domain = builtIn?.Domain ?? Unassigned;
        }
        else if (!AgoraBenchNames.TryParseDomain(domainName, out domain))
        {
            // The domain itself is reported once, where it is declared.
            return (null, null);
        }

        GraderSpec? grader = null;
        if (b.Grader is { } g)
        {
            if (!g.TryGetPropertyValue("kind", out var kindNode) || kindNode is null)
            {
                r.Error(path + ".grader.kind", "is missing: the grader's kind, for example exact, numeric, math, python-tests, judge or pairwise");
            }
            else if (kindNode is JsonValue value && value.TryGetValue(out string? kind))
            {
                grader = new GraderSpec(kind, g);
            }
            else
            {
                r.Error(path + ".grader.kind", "must be a string");
            }
        }
        else
        {
            r.Error(path + ".grader", "is missing: how each answer is scored, for example {\"kind\": \"exact\", \"answer\": \"gold\"}");
        }

        if (b.Prompt is null && builtIn is null)
        {
            r.Error(path + ".prompt", "is missing: the student prompt, a Liquid template over the problem's fields, for example \"{{ question }}\"");
        }

        var benchmark = builtIn ?? new EvaluationBenchmark(id, id, domain, "score (%)");
        var builtInDefinition = builtIn is not null && BenchmarkCatalog.BuiltIn.TryGet(builtIn.Id, out var known) ? known : null;
        var definition = new BenchmarkDefinition
        {
            Id = benchmark.Id,
            DisplayName = benchmark.DisplayName,
            Domain = domainName ?? AgoraBenchNames.ToName(domain),
            Metric = b.Metric ?? benchmark.Metric,
            Prompt = b.Prompt,
            Grader = grader ?? new GraderSpec("exact"),
            Temperature = (float)(b.Temperature ?? builtInDefinition?.Temperature ?? 0),
            IdField = b.IdField ?? "id",
            DemonstrationFields = builtInDefinition?.DemonstrationFields ?? [],
        };
        return (benchmark, definition);
    }

    private static PlanAnalysis ReadAnalysis(PlanJson r, AnalysisDocument? a)
    {
        const string P = "$.analysis";
        var defaults = new PlanAnalysis();
        if (a is null)
        {
            return defaults;
        }

        int rounds = a.BootstrapRounds;
        if (rounds is > 0 and < 100)
        {
            r.Error(P + ".bootstrapRounds", $"{rounds} is too few resamples; use 0 (no intervals) or at least 100 (default {defaults.BootstrapRounds})");
            rounds = defaults.BootstrapRounds;
        }

        return new PlanAnalysis
        {
            Aggregation = PgrCalculationOptions.TryParseAggregation(a.Aggregation, out var aggregation) ? aggregation : defaults.Aggregation,
            BootstrapRounds = rounds,
            Confidence = a.Confidence,
            ProblemSolvingFile = r.FilePath(a.ProblemSolvingFile, P + ".problemSolvingFile"),
            ScalingFile = r.FilePath(a.ScalingFile, P + ".scalingFile"),
            PrincipalComponents = a.PrincipalComponents,
            BudgetUsdPerSetting = a.BudgetUsdPerSetting,
            Title = a.Title,
        };
    }

    private static PlanEstimateOptions ReadEstimate(EstimateDocument? e) => e is null
        ? new PlanEstimateOptions()
        : new PlanEstimateOptions
        {
            AttemptsPerInstance = e.AttemptsPerInstance,
            SampleSize = e.SampleSize,
            DefaultResponseTokens = e.DefaultResponseTokens,
            JudgeOutputTokens = e.JudgeOutputTokens,
            PairwiseJudgeOutputTokens = e.PairwiseJudgeOutputTokens,
            EvaluationOutputTokens = e.EvaluationOutputTokens,
        };

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
