using System.Reflection;
using System.Text.Json;

namespace AgoraBench;

/// <summary>
/// <c>manifest.json</c>: what a run folder was made with and what it holds — library version, plan hash, template and
/// prompt hashes, models (endpoints redacted, key variables by name only), options, seeds, prices, hashes of every
/// input file, and each step's state, fingerprint and output hashes. It never holds a key.
/// </summary>
internal sealed class RunManifest(RunContext context)
{
    public const string Format = "agorabench-run/1";

    public async Task WriteAsync(IReadOnlyList<RunStep> steps, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        string? created = File.Exists(context.Directory.Manifest) ? Created(await File.ReadAllTextAsync(context.Directory.Manifest, cancellationToken).ConfigureAwait(false)) : null;
        string now = context.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var assembly = typeof(RunManifest).Assembly;
        var manifest = new RunManifestDocument
        {
            Format = Format,
            Library = new ManifestLibraryDocument
            {
                Name = "AgoraBench.Core",
                Version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString(),
            },
            Created = created ?? now,
            Updated = now,
            Plan = new ManifestPlanDocument
            {
                Name = plan.Name,
                Source = plan.SourcePath,
                Sha256 = plan.SourcePath is { } source && File.Exists(source) ? await Hashing.Sha256FileAsync(source, cancellationToken).ConfigureAwait(false) : null,
                Instances = plan.Instances,
                Settings = [.. plan.Settings.Select(s => s.Key)],
            },
            Seeds = new ManifestSeedsDocument
            {
                Generation = plan.RandomSeed,
                Training = plan.Training.Hyperparameters.Seed,
                Bootstrap = plan.RandomSeed,
            },
            Templates = Templates(),
            Prompts = new ManifestPromptsDocument
            {
                SystemMessage = Hashing.Sha256(MetaPrompts.SystemMessage),
                JudgeSystem = Hashing.Sha256(JudgePrompts.SystemPrompt),
                JudgeGrading = Hashing.Sha256(JudgePrompts.GradingTemplate),
            },
            Models = Models(),
            Options = Options(),
            Inputs = await InputsAsync(cancellationToken).ConfigureAwait(false),
            Steps = Steps(steps),
        };
        string text = ArtefactJson.Write(manifest, RunJsonContext.Default.RunManifestDocument);
        await AtomicFile.WriteAllTextAsync(context.Directory.Manifest, context.Redactor.Redact(text), cancellationToken).ConfigureAwait(false);
    }

    // When the folder was first made, from the manifest an earlier run wrote (this version or an older one); a
    // manifest cut short or not of this shape starts afresh.
    private static string? Created(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, RunJsonContext.Default.ManifestHeaderDocument)?.Created;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Dictionary<string, ManifestTemplateDocument> Templates()
    {
        var templates = new Dictionary<string, ManifestTemplateDocument>(StringComparer.Ordinal);
        foreach (var setting in context.Plan.Settings.Distinct())
        {
            templates[setting.Key] = new ManifestTemplateDocument
            {
                Source = context.Plan.Generation.Templates.TryGetValue(setting.Key, out string? file) ? file : "built-in " + context.Plan.Generation.PromptStyle.ToString().ToLowerInvariant(),
                Sha256 = Hashing.Sha256(context.Template(setting)),
            };
        }

        return templates;
    }

    private ManifestModelsDocument Models()
    {
        var plan = context.Plan;
        return new ManifestModelsDocument
        {
            Generators = [.. plan.Generators.Select(g => Endpoint(g.Endpoint, Prices.Of(g)) with { Name = g.Name })],
            MetricJudge = Optional(plan.Metrics.Judge),
            Embedding = Optional(plan.Metrics.Embedding),
            Perplexity = Optional(plan.Metrics.Perplexity),
            Base = Optional(plan.Evaluation.Base),
            Reference = Optional(plan.Evaluation.Reference),
            EvaluationJudge = Optional(plan.Evaluation.Judge),
            TrainingApi = Optional(plan.Training.Api),
        };

        static ManifestModelDocument? Optional(ModelEndpoint? endpoint) => endpoint is null ? null : Endpoint(endpoint, Prices.Of(endpoint));
    }

    private static ManifestModelDocument Endpoint(ModelEndpoint endpoint, ModelPrice? price) => new()
    {
        Model = endpoint.Model,
        Endpoint = endpoint.RedactedEndpoint(),
        ApiKeyEnv = endpoint.KeyVariable(),
        Backend = endpoint.Backend == ModelBackend.Batch ? "batch" : "online",
        Replicas = endpoint.Replicas.Count == 0 ? null : [.. endpoint.Replicas.Select(r => new ModelEndpoint { Model = endpoint.Model, Endpoint = r }.RedactedEndpoint())],
        PriceUsdPer1m = price is null ? null : new ManifestPriceDocument { Input = price.InputUsdPerMillionTokens, Output = price.OutputUsdPerMillionTokens },
        Concurrency = endpoint.Concurrency,
    };

    private ManifestOptionsDocument Options()
    {
        var plan = context.Plan;
        var g = plan.Generation;
        var t = plan.Training;
        var e = plan.Evaluation;
        return new ManifestOptionsDocument
        {
            Generation = new ManifestGenerationOptionsDocument
            {
                PromptStyle = g.PromptStyle.ToString(),
                Demonstrations = g.DemonstrationMode.ToString(),
                MaxAttempts = g.MaxAttempts,
                Temperature = g.Temperature,
                TopP = g.TopP,
                MaxOutputTokens = g.MaxOutputTokens,
                BudgetUsdPerCell = g.BudgetUsdPerCell,
                LengthTokenizer = g.LengthTokenizerFile ?? "o200k_base",
            },
            Metrics = new ManifestMetricsOptionsDocument { Names = [.. plan.Metrics.Names], Concurrency = plan.Metrics.Concurrency },
            Training = new ManifestTrainingOptionsDocument
            {
                Trainer = context.Options.Trainer?.Name ?? t.Trainer,
                BaseModel = t.BaseModel,
                Command = t.Command,
                Format = SftExporter.ToName(t.Format),
                Epochs = t.Hyperparameters.Epochs,
                LearningRate = t.Hyperparameters.LearningRate,
                BatchSize = t.Hyperparameters.BatchSize,
                GradientAccumulationSteps = t.Hyperparameters.GradientAccumulationSteps,
                MaxSequenceLength = t.Hyperparameters.MaxSequenceLength,
                EnvironmentVariables = [.. t.Environment.Keys.Order(StringComparer.Ordinal)],
            },
            Evaluation = new ManifestEvaluationOptionsDocument
            {
                BaseFewShot = e.BaseFewShot,
                Benchmarks = [.. e.Benchmarks.Keys.Order(StringComparer.Ordinal)],
                ProblemSolving = e.ProblemSolving,
                BootstrapRounds = e.BootstrapRounds,
                CodeTimeoutSeconds = e.CodeTimeout.TotalSeconds,
            },
            Analysis = new ManifestAnalysisOptionsDocument
            {
                Aggregation = PgrCalculationOptions.ToName(plan.Analysis.Aggregation),
                PrincipalComponents = plan.Analysis.PrincipalComponents,
            },
        };
    }

    private async Task<Dictionary<string, string>> InputsAsync(CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var files = plan.Seeds.Values
            .Concat(plan.Generation.Templates.Values)
            .Concat(plan.Evaluation.Benchmarks.Values.SelectMany(b => new[] { b.Problems, b.FewShotProblems, b.Baseline }))
            .Concat([plan.Analysis.ProblemSolvingFile, plan.Analysis.ScalingFile, plan.Generation.LengthTokenizerFile])
            .Concat(plan.Training.Students.Values.SelectMany(s => s.Values))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            inputs[file] = File.Exists(file) ? "sha256:" + await context.FileHashAsync(file, cancellationToken).ConfigureAwait(false) : "missing";
        }

        return inputs;
    }

    // Each step's record without its id (the key says it), or only its status when it never started.
    private Dictionary<string, StepRecordDocument> Steps(IReadOnlyList<RunStep> steps)
    {
        var entries = new Dictionary<string, StepRecordDocument>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            entries[step.Info.Id] = context.Records.Load(step.Info.Id) is { } record
                ? record.ToDocument() with { Id = null }
                : new StepRecordDocument { Status = "pending" };
        }

        return entries;
    }
}
