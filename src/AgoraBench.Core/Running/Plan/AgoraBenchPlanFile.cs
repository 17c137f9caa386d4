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
            var reader = new PlanJson(locations, baseDirectory, environment ?? Environment.GetEnvironmentVariable);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DataValidationException([new DataError(source, 1, "$", "a plan is a JSON object")]);
            }

            var plan = ReadPlan(reader, root) with { SourcePath = sourcePath is null ? null : Path.GetFullPath(sourcePath), Locations = locations };

            // A value the reader already rejected is not reported again by the validator.
            var errors = new List<DataError>(reader.Errors);
            errors.AddRange(PlanValidator.Validate(plan, additionalTrainers, graders, hostBenchmarks).Where(e => e.Field is null || !reader.ErrorPaths.Any(p => e.Field == p || e.Field.StartsWith(p + ".", StringComparison.Ordinal) || e.Field.StartsWith(p + "[", StringComparison.Ordinal))));
            if (errors.Count > 0)
            {
                throw new DataValidationException(errors);
            }

            return plan;
        }
    }

    private static AgoraBenchPlan ReadPlan(PlanJson r, JsonElement root)
    {
        const string P = "$";
        r.Known(root, P, "name", "settings", "instances", "randomSeed", "seeds", "generators", "generation", "metrics", "training", "evaluation", "analysis", "estimate", "domains");
        var settings = new List<AgoraBenchSetting>();
        if (r.Array(root, P, "settings") is { } settingArray)
        {
            int i = 0;
            foreach (var item in settingArray.EnumerateArray())
            {
                string path = JsonLineIndex.Index("$.settings", i++);
                if (r.String(item, path) is not { } key)
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
                    r.Error(path, $"'{key}' is not a setting; write method/domain, for example instance-generation/math, or \"all\"");
                }
            }
        }

        var seeds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, file) in r.StringMap(root, P, "seeds", paths: true))
        {
            if (AgoraBenchSetting.TryParse(key, out var setting))
            {
                seeds[setting.Key] = file;
            }
            else
            {
                r.Error(PlanJson.Path("$.seeds", key), $"'{key}' is not a setting key (method/domain)");
            }
        }

        var generators = new List<PlanGenerator>();
        if (r.Array(root, P, "generators") is { } generatorArray)
        {
            int i = 0;
            foreach (var item in generatorArray.EnumerateArray())
            {
                string path = JsonLineIndex.Index("$.generators", i++);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    r.Error(path, "must be an object with name and model");
                    continue;
                }

                string name = r.String(item, path, "name") ?? string.Empty;
                var endpoint = ReadEndpoint(r, item, path, withName: true, defaultModel: name);
                generators.Add(new PlanGenerator(name, endpoint));
            }
        }

        return new AgoraBenchPlan
        {
            Name = r.String(root, P, "name") ?? string.Empty,
            Settings = settings,
            Generators = generators,
            Seeds = seeds,
            Instances = r.Int(root, P, "instances") ?? AgoraBenchConstants.InstancesPerSetting,
            RandomSeed = r.Int(root, P, "randomSeed") ?? AgoraBenchConstants.RandomSeed,
            Generation = ReadGeneration(r, root),
            Metrics = ReadMetrics(r, root),
            Training = ReadTraining(r, root),
            Domains = ReadDomains(r, root),
            Evaluation = ReadEvaluation(r, root),
            Analysis = ReadAnalysis(r, root),
            Estimate = ReadEstimate(r, root),
        };
    }

    private static ModelEndpoint ReadEndpoint(PlanJson r, JsonElement element, string path, bool withName = false, string? defaultModel = null)
    {
        string[] known = ["model", "endpoint", "replicas", "backend", "apiKeyEnv", "price", "tokenizer", "concurrency", "requestsPerMinute", "tokensPerMinute", "timeoutSeconds"];
        r.Known(element, path, withName ? [.. known, "name"] : known);
        Uri? endpoint = null;
        if (r.String(element, path, "endpoint", expand: true) is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                r.Error(PlanJson.Path(path, "endpoint"), $"'{url}' is not an absolute http(s) URL");
                endpoint = null;
            }
        }

        ModelPrice? price = null;
        if (r.Object(element, path, "price") is { } priceElement)
        {
            string pricePath = PlanJson.Path(path, "price");
            r.Known(priceElement, pricePath, "input", "output");
            price = new ModelPrice(r.Decimal(priceElement, pricePath, "input") ?? 0, r.Decimal(priceElement, pricePath, "output") ?? 0);
        }

        var replicas = new List<Uri>();
        if (r.Array(element, path, "replicas") is { } replicaArray)
        {
            int i = 0;
            foreach (var item in replicaArray.EnumerateArray())
            {
                string replicaPath = JsonLineIndex.Index(PlanJson.Path(path, "replicas"), i++);
                if (r.String(item, replicaPath, expand: true) is { Length: > 0 } text)
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
        }

        var backend = ModelBackend.Online;
        if (r.String(element, path, "backend") is { } backendText)
        {
            switch (backendText)
            {
                case "online":
                    break;
                case "batch":
                    backend = ModelBackend.Batch;
                    break;
                default:
                    r.Error(PlanJson.Path(path, "backend"), $"'{backendText}' is not a back end; expected online or batch");
                    break;
            }
        }

        double? timeout = r.Number(element, path, "timeoutSeconds");
        string? tokenizer = r.String(element, path, "tokenizer", expand: true);

        // A model without an endpoint is OpenAI's, or whatever OPENAI_BASE_URL points at (as OpenAI's own clients do),
        // with its key from OPENAI_API_KEY when that is set.
        string? keyVariable = r.String(element, path, "apiKeyEnv");
        if (endpoint is null && replicas.Count == 0 && element.ValueKind == JsonValueKind.Object && !element.TryGetProperty("endpoint", out _)
            && r.Variable("OPENAI_BASE_URL") is { Length: > 0 } baseUrl
            && Uri.TryCreate(baseUrl, UriKind.Absolute, out var fromEnvironment) && (fromEnvironment.Scheme == Uri.UriSchemeHttp || fromEnvironment.Scheme == Uri.UriSchemeHttps))
        {
            endpoint = fromEnvironment;
            keyVariable ??= r.Variable("OPENAI_API_KEY") is { Length: > 0 } ? "OPENAI_API_KEY" : null;
        }

        return new ModelEndpoint
        {
            Model = r.String(element, path, "model", expand: true) ?? defaultModel ?? string.Empty,
            Endpoint = endpoint ?? replicas.FirstOrDefault(),
            Replicas = replicas,
            Backend = backend,
            ApiKeyEnvironmentVariable = keyVariable,
            Price = price,
            Tokenizer = tokenizer is null or "o200k_base" or "cl100k_base" ? tokenizer : r.Resolve(tokenizer),
            Concurrency = r.Int(element, path, "concurrency") ?? 8,
            RequestsPerMinute = r.Int(element, path, "requestsPerMinute"),
            TokensPerMinute = r.Int(element, path, "tokensPerMinute"),
            Timeout = timeout is double seconds && seconds > 0 && seconds < 1e6 ? TimeSpan.FromSeconds(seconds) : timeout is null ? TimeSpan.FromMinutes(5) : TimeSpan.Zero,
        };
    }

    private static ModelEndpoint? OptionalEndpoint(PlanJson r, JsonElement parent, string parentPath, string name) =>
        r.Object(parent, parentPath, name) is { } element ? ReadEndpoint(r, element, PlanJson.Path(parentPath, name)) : null;

    private static PlanGeneration ReadGeneration(PlanJson r, JsonElement root)
    {
        const string P = "$.generation";
        var defaults = new PlanGeneration();
        if (r.Object(root, "$", "generation") is not { } g)
        {
            return defaults;
        }

        r.Known(g, P, "promptStyle", "demonstrations", "maxAttempts", "temperature", "topP", "maxOutputTokens", "budgetUsdPerCell", "lengthTokenizerFile", "templates");
        var style = defaults.PromptStyle;
        if (r.String(g, P, "promptStyle") is { } styleText)
        {
            switch (styleText)
            {
                case "agora":
                    style = PromptStyle.Agora;
                    break;
                case "json":
                    style = PromptStyle.Json;
                    break;
                default:
                    r.Error(P + ".promptStyle", $"'{styleText}' is not a prompt style; expected agora or json");
                    break;
            }
        }

        var mode = defaults.DemonstrationMode;
        if (r.String(g, P, "demonstrations") is { } modeText)
        {
            switch (modeText)
            {
                case "seed-and-generated":
                    mode = DemonstrationMode.SeedAndGenerated;
                    break;
                case "reference-code":
                    mode = DemonstrationMode.ReferenceCode;
                    break;
                default:
                    r.Error(P + ".demonstrations", $"'{modeText}' is not a demonstration mode; expected seed-and-generated or reference-code");
                    break;
            }
        }

        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, file) in r.StringMap(g, P, "templates", paths: true))
        {
            if (AgoraBenchSetting.TryParse(key, out var setting))
            {
                templates[setting.Key] = file;
            }
            else
            {
                r.Error(PlanJson.Path(P + ".templates", key), $"'{key}' is not a setting key (method/domain)");
            }
        }

        return new PlanGeneration
        {
            PromptStyle = style,
            DemonstrationMode = mode,
            MaxAttempts = r.Int(g, P, "maxAttempts") ?? defaults.MaxAttempts,
            Temperature = (float)(r.Number(g, P, "temperature") ?? defaults.Temperature),
            TopP = (float)(r.Number(g, P, "topP") ?? defaults.TopP),
            MaxOutputTokens = r.Int(g, P, "maxOutputTokens") ?? defaults.MaxOutputTokens,
            BudgetUsdPerCell = r.Decimal(g, P, "budgetUsdPerCell"),
            LengthTokenizerFile = r.FilePath(g, P, "lengthTokenizerFile"),
            Templates = templates,
        };
    }

    private static PlanMetrics ReadMetrics(PlanJson r, JsonElement root)
    {
        const string P = "$.metrics";
        if (r.Object(root, "$", "metrics") is not { } m)
        {
            return new PlanMetrics();
        }

        r.Known(m, P, "names", "judge", "embedding", "perplexity", "concurrency");
        var names = new List<string>();
        if (r.Array(m, P, "names") is { } array)
        {
            int i = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (r.String(item, JsonLineIndex.Index(P + ".names", i++)) is { } name)
                {
                    names.Add(name);
                }
            }
        }

        return new PlanMetrics
        {
            Names = names,
            Judge = OptionalEndpoint(r, m, P, "judge"),
            Embedding = OptionalEndpoint(r, m, P, "embedding"),
            Perplexity = OptionalEndpoint(r, m, P, "perplexity"),
            Concurrency = r.Int(m, P, "concurrency") ?? 8,
        };
    }

    private static PlanTraining ReadTraining(PlanJson r, JsonElement root)
    {
        const string P = "$.training";
        var defaults = new PlanTraining();
        if (r.Object(root, "$", "training") is not { } t)
        {
            return defaults;
        }

        r.Known(t, P, "trainer", "baseModel", "command", "format", "timeoutMinutes", "hyperparameters", "environment", "api", "students", "priceUsdPerMillionTrainingTokens", "studentPrice", "studentConcurrency", "repeats");
        var format = defaults.Format;
        if (r.String(t, P, "format") is { } formatText && !SftExporter.TryParseFormat(formatText, out format))
        {
            r.Error(P + ".format", $"'{formatText}' is not an SFT format; expected openai-chat, messages, prompt-completion or llama3");
            format = defaults.Format;
        }

        var hyperparameters = new TrainingHyperparameters();
        if (r.Object(t, P, "hyperparameters") is { } h)
        {
            const string H = P + ".hyperparameters";
            r.Known(h, H, "epochs", "learningRate", "batchSize", "gradientAccumulationSteps", "maxSequenceLength", "seed", "learningRateMultiplier");
            hyperparameters = new TrainingHyperparameters
            {
                Epochs = r.Int(h, H, "epochs") ?? hyperparameters.Epochs,
                LearningRate = r.Number(h, H, "learningRate") ?? hyperparameters.LearningRate,
                BatchSize = r.Int(h, H, "batchSize") ?? hyperparameters.BatchSize,
                GradientAccumulationSteps = r.Int(h, H, "gradientAccumulationSteps") ?? hyperparameters.GradientAccumulationSteps,
                MaxSequenceLength = r.Int(h, H, "maxSequenceLength") ?? hyperparameters.MaxSequenceLength,
                Seed = r.Int(h, H, "seed") ?? hyperparameters.Seed,
                LearningRateMultiplier = r.Number(h, H, "learningRateMultiplier"),
            };
        }

        var students = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        if (r.Object(t, P, "students") is { } s)
        {
            foreach (var generator in s.EnumerateObject())
            {
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, file) in r.StringMap(s, P + ".students", generator.Name, paths: true))
                {
                    files[AgoraBenchSetting.TryParse(key, out var setting) ? setting.Key : key] = file;
                }

                students[generator.Name] = files;
            }
        }

        ModelPrice? studentPrice = null;
        if (r.Object(t, P, "studentPrice") is { } sp)
        {
            r.Known(sp, P + ".studentPrice", "input", "output");
            studentPrice = new ModelPrice(r.Decimal(sp, P + ".studentPrice", "input") ?? 0, r.Decimal(sp, P + ".studentPrice", "output") ?? 0);
        }

        double? minutes = r.Number(t, P, "timeoutMinutes");
        return new PlanTraining
        {
            Trainer = r.String(t, P, "trainer") ?? defaults.Trainer,
            BaseModel = r.String(t, P, "baseModel", expand: true) ?? defaults.BaseModel,
            Command = r.String(t, P, "command"),
            Format = format,
            Timeout = minutes is double m ? TimeSpan.FromMinutes(Math.Clamp(m, 0, 1e6)) : null,
            Hyperparameters = hyperparameters,
            Environment = r.StringMap(t, P, "environment", paths: false),
            Api = OptionalEndpoint(r, t, P, "api"),
            Students = students,
            PriceUsdPerMillionTrainingTokens = r.Decimal(t, P, "priceUsdPerMillionTrainingTokens"),
            StudentPrice = studentPrice,
            StudentConcurrency = r.Int(t, P, "studentConcurrency") ?? defaults.StudentConcurrency,
            Repeats = r.Int(t, P, "repeats") ?? defaults.Repeats,
        };
    }

    private static PlanEvaluation ReadEvaluation(PlanJson r, JsonElement root)
    {
        const string P = "$.evaluation";
        var defaults = new PlanEvaluation();
        if (r.Object(root, "$", "evaluation") is not { } e)
        {
            return defaults;
        }

        r.Known(e, P, "base", "reference", "baseFewShot", "benchmarks", "judge", "problemSolving", "bootstrapRounds", "codeTimeoutSeconds");
        var benchmarks = new Dictionary<string, PlanBenchmark>(StringComparer.Ordinal);
        if (r.Object(e, P, "benchmarks") is { } b)
        {
            foreach (var property in b.EnumerateObject())
            {
                string path = PlanJson.Path(P + ".benchmarks", property.Name);
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    r.Error(path, "must be an object with a problems file");
                    continue;
                }

                r.Known(property.Value, path, "problems", "fewShotProblems", "limit", "baseline", "instructionDifficulty", "gamedBaselines", "prompt", "grader", "temperature", "idField", "metric");
                bool declared = property.Value.TryGetProperty("prompt", out _) || property.Value.TryGetProperty("grader", out _);
                BenchmarkDefinition? definition = null;
                if (!EvaluationBenchmarks.TryFind(property.Name, out var benchmark) || declared)
                {
                    if (!declared && HostBenchmark(root, property.Name) is { } hosted)
                    {
                        // A benchmark a host registers (AddBenchmark): the plan names it and its problems; the runner checks that it exists.
                        (benchmark, definition) = (new EvaluationBenchmark(property.Name, property.Name, hosted, "score (%)"), new BenchmarkDefinition { Id = property.Name, Domain = AgoraBenchNames.ToName(hosted), Grader = new GraderSpec(string.Empty) });
                    }
                    else if (!declared)
                    {
                        r.Error(path, $"'{property.Name}' is not a built-in benchmark ({string.Join(", ", EvaluationBenchmarks.All.Select(x => x.Id))}); declare it with \"prompt\" and \"grader\"");
                        continue;
                    }

                    else
                    {
                        (benchmark, definition) = ReadDeclaredBenchmark(r, root, property.Name, property.Value, path, benchmark);
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
                    Problems = r.FilePath(property.Value, path, "problems") ?? string.Empty,
                    FewShotProblems = r.FilePath(property.Value, path, "fewShotProblems"),
                    Limit = r.Int(property.Value, path, "limit"),
                    Baseline = r.FilePath(property.Value, path, "baseline"),
                    InstructionDifficulty = r.FilePath(property.Value, path, "instructionDifficulty"),
                    GamedBaselines = r.FilePath(property.Value, path, "gamedBaselines"),
                };
            }
        }

        double? codeTimeout = r.Number(e, P, "codeTimeoutSeconds");
        return new PlanEvaluation
        {
            Base = OptionalEndpoint(r, e, P, "base"),
            Reference = OptionalEndpoint(r, e, P, "reference"),
            BaseFewShot = r.Int(e, P, "baseFewShot") ?? 0,
            Benchmarks = benchmarks,
            Judge = OptionalEndpoint(r, e, P, "judge"),
            ProblemSolving = r.Bool(e, P, "problemSolving") ?? false,
            BootstrapRounds = r.Int(e, P, "bootstrapRounds") ?? defaults.BootstrapRounds,
            CodeTimeout = codeTimeout is double c ? TimeSpan.FromSeconds(Math.Clamp(c, 0, 1e6)) : defaults.CodeTimeout,
        };
    }

    private static Dictionary<string, PlanDomain> ReadDomains(PlanJson r, JsonElement root)
    {
        var domains = new Dictionary<string, PlanDomain>(StringComparer.Ordinal);
        if (r.Object(root, "$", "domains") is not { } d)
        {
            return domains;
        }

        foreach (var property in d.EnumerateObject())
        {
            string path = PlanJson.Path("$.domains", property.Name);
            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                r.Error(path, "must be an object with a description and its benchmarks");
                continue;
            }

            r.Known(property.Value, path, "description", "themes", "validator", "benchmarks", "rubrics");
            var rubrics = new Dictionary<string, string>(StringComparer.Ordinal);
            if (r.Object(property.Value, path, "rubrics") is { } rubricFiles)
            {
                string[] judged = [IntrinsicMetricNames.InstructionDifficulty, IntrinsicMetricNames.ResponseQuality];
                foreach (var rubric in rubricFiles.EnumerateObject())
                {
                    if (Array.IndexOf(judged, rubric.Name) < 0)
                    {
                        string? nearest = Suggest.Nearest(rubric.Name, judged);
                        r.Error(PlanJson.Path(path + ".rubrics", rubric.Name), $"'{rubric.Name}' is not a judged metric; expected {string.Join(" or ", judged)}{(nearest is null ? string.Empty : $" (did you mean '{nearest}'?)")}");
                    }
                    else if (r.FilePath(rubricFiles, path + ".rubrics", rubric.Name) is { } file)
                    {
                        rubrics[rubric.Name] = file;
                    }
                }
            }


            domains[property.Name] = new PlanDomain
            {
                Name = property.Name,
                Description = r.String(property.Value, path, "description"),
                Themes = Strings(r, property.Value, path, "themes"),
                Validator = r.String(property.Value, path, "validator"),
                Benchmarks = Strings(r, property.Value, path, "benchmarks"),
                Rubrics = rubrics,
            };
        }

        return domains;
    }

    /// <summary>The domain of a declared benchmark no domain lists; such a plan never validates, so it is never run.</summary>
    private static readonly BenchmarkDomain Unassigned = new("0-unassigned");

    private static BenchmarkDomain? HostBenchmark(JsonElement root, string id) =>
        root.TryGetProperty("domains", out var domains) && domains.ValueKind == JsonValueKind.Object
            ? domains.EnumerateObject()
                .Where(d => d.Value.ValueKind == JsonValueKind.Object && d.Value.TryGetProperty("benchmarks", out var list) && list.ValueKind == JsonValueKind.Array
                    && list.EnumerateArray().Any(b => b.ValueKind == JsonValueKind.String && b.GetString() == id)
                    && AgoraBenchNames.TryParseDomain(d.Name, out _))
                .Select(d => AgoraBenchNames.TryParseDomain(d.Name, out var domain) ? domain : (BenchmarkDomain?)null)
                .FirstOrDefault()
            : null;

    private static string[] Strings(PlanJson r, JsonElement parent, string parentPath, string name)
    {
        if (r.Array(parent, parentPath, name) is not { } array)
        {
            return [];
        }

        int i = 0;
        var values = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (r.String(item, JsonLineIndex.Index(PlanJson.Path(parentPath, name), i++)) is { } text)
            {
                values.Add(text);
            }
        }

        return [.. values];
    }

    /// <summary>A benchmark the plan declares with a prompt and a grader; its domain is the plan's domain that lists it.</summary>
    private static (EvaluationBenchmark? Benchmark, BenchmarkDefinition? Definition) ReadDeclaredBenchmark(PlanJson r, JsonElement root, string id, JsonElement element, string path, EvaluationBenchmark? builtIn)
    {
        string? domainName = null;
        if (root.TryGetProperty("domains", out var domains) && domains.ValueKind == JsonValueKind.Object)
        {
            domainName = domains.EnumerateObject()
                .Where(d => d.Value.ValueKind == JsonValueKind.Object && d.Value.TryGetProperty("benchmarks", out var list) && list.ValueKind == JsonValueKind.Array
                    && list.EnumerateArray().Any(b => b.ValueKind == JsonValueKind.String && b.GetString() == id))
                .Select(d => d.Name)
                .FirstOrDefault();
        }

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
        if (r.Object(element, path, "grader") is { } g)
        {
            var options = (JsonObject)JsonNode.Parse(g.GetRawText())!;
            if (r.String(g, path + ".grader", "kind") is { } kind)
            {
                grader = new GraderSpec(kind, options);
            }
        }
        else
        {
            r.Error(path + ".grader", "is missing: how each answer is scored, for example {\"kind\": \"exact\", \"answer\": \"gold\"}");
        }

        string? prompt = r.String(element, path, "prompt");
        if (prompt is null && builtIn is null)
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
            Metric = r.String(element, path, "metric") ?? benchmark.Metric,
            Prompt = prompt,
            Grader = grader ?? new GraderSpec("exact"),
            Temperature = (float)(r.Number(element, path, "temperature") ?? builtInDefinition?.Temperature ?? 0),
            IdField = r.String(element, path, "idField") ?? "id",
            DemonstrationFields = builtInDefinition?.DemonstrationFields ?? [],
        };
        return (benchmark, definition);
    }

    private static PlanAnalysis ReadAnalysis(PlanJson r, JsonElement root)
    {
        const string P = "$.analysis";
        var defaults = new PlanAnalysis();
        if (r.Object(root, "$", "analysis") is not { } a)
        {
            return defaults;
        }

        r.Known(a, P, "aggregation", "problemSolvingFile", "scalingFile", "principalComponents", "budgetUsdPerSetting", "title", "bootstrapRounds", "confidence");
        var aggregation = defaults.Aggregation;
        if (r.String(a, P, "aggregation") is { } text && !PgrCalculationOptions.TryParseAggregation(text, out aggregation))
        {
            r.Error(P + ".aggregation", $"'{text}' is not an aggregation; expected mean-of-pgr or pgr-of-mean");
            aggregation = defaults.Aggregation;
        }

        int rounds = r.Int(a, P, "bootstrapRounds") ?? defaults.BootstrapRounds;
        if (rounds != 0 && rounds < 100)
        {
            r.Error(P + ".bootstrapRounds", $"{rounds} is too few resamples; use 0 (no intervals) or at least 100 (default {defaults.BootstrapRounds})");
            rounds = defaults.BootstrapRounds;
        }

        double confidence = r.Number(a, P, "confidence") ?? defaults.Confidence;
        if (!(confidence > 0 && confidence < 1))
        {
            r.Error(P + ".confidence", $"{confidence} is not a confidence level; use a number strictly between 0 and 1, such as 0.95");
            confidence = defaults.Confidence;
        }

        return new PlanAnalysis
        {
            Aggregation = aggregation,
            BootstrapRounds = rounds,
            Confidence = confidence,
            ProblemSolvingFile = r.FilePath(a, P, "problemSolvingFile"),
            ScalingFile = r.FilePath(a, P, "scalingFile"),
            PrincipalComponents = r.Int(a, P, "principalComponents") ?? defaults.PrincipalComponents,
            BudgetUsdPerSetting = r.Number(a, P, "budgetUsdPerSetting"),
            Title = r.String(a, P, "title"),
        };
    }

    private static PlanEstimateOptions ReadEstimate(PlanJson r, JsonElement root)
    {
        const string P = "$.estimate";
        var d = new PlanEstimateOptions();
        if (r.Object(root, "$", "estimate") is not { } e)
        {
            return d;
        }

        r.Known(e, P, "attemptsPerInstance", "sampleSize", "defaultResponseTokens", "judgeOutputTokens", "pairwiseJudgeOutputTokens", "evaluationOutputTokens");
        return new PlanEstimateOptions
        {
            AttemptsPerInstance = r.Number(e, P, "attemptsPerInstance") ?? d.AttemptsPerInstance,
            SampleSize = r.Int(e, P, "sampleSize") ?? d.SampleSize,
            DefaultResponseTokens = r.Int(e, P, "defaultResponseTokens") ?? d.DefaultResponseTokens,
            JudgeOutputTokens = r.Int(e, P, "judgeOutputTokens") ?? d.JudgeOutputTokens,
            PairwiseJudgeOutputTokens = r.Int(e, P, "pairwiseJudgeOutputTokens") ?? d.PairwiseJudgeOutputTokens,
            EvaluationOutputTokens = r.Int(e, P, "evaluationOutputTokens") ?? d.EvaluationOutputTokens,
        };
    }

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
