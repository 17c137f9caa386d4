using System.Reflection;
using System.Text.Json.Nodes;

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
        var existing = File.Exists(context.Directory.Manifest) ? TryParse(await File.ReadAllTextAsync(context.Directory.Manifest, cancellationToken).ConfigureAwait(false)) : null;
        string now = context.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var assembly = typeof(RunManifest).Assembly;
        var manifest = new JsonObject
        {
            ["format"] = Format,
            ["library"] = new JsonObject
            {
                ["name"] = "AgoraBench.Core",
                ["version"] = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString(),
            },
            ["created"] = existing?["created"]?.GetValue<string>() ?? now,
            ["updated"] = now,
            ["plan"] = new JsonObject
            {
                ["name"] = plan.Name,
                ["source"] = plan.SourcePath,
                ["sha256"] = plan.SourcePath is { } source && File.Exists(source) ? await Hashing.Sha256FileAsync(source, cancellationToken).ConfigureAwait(false) : null,
                ["instances"] = plan.Instances,
                ["settings"] = new JsonArray([.. plan.Settings.Select(s => (JsonNode)s.Key)]),
            },
            ["seeds"] = new JsonObject
            {
                ["generation"] = plan.RandomSeed,
                ["training"] = plan.Training.Hyperparameters.Seed,
                ["bootstrap"] = plan.RandomSeed,
            },
            ["templates"] = Templates(),
            ["prompts"] = new JsonObject
            {
                ["system_message"] = Hashing.Sha256(MetaPrompts.SystemMessage),
                ["judge_system"] = Hashing.Sha256(JudgePrompts.SystemPrompt),
                ["judge_grading"] = Hashing.Sha256(JudgePrompts.GradingTemplate),
            },
            ["models"] = Models(),
            ["options"] = Options(),
            ["inputs"] = await InputsAsync(cancellationToken).ConfigureAwait(false),
            ["steps"] = Steps(steps),
        };
        await AtomicFile.WriteAllTextAsync(context.Directory.Manifest, context.Redactor.Redact(manifest.ToJsonString(JsonReport.Indented)) + "\n", cancellationToken).ConfigureAwait(false);
    }

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private JsonObject Templates()
    {
        var templates = new JsonObject();
        foreach (var setting in context.Plan.Settings.Distinct())
        {
            templates[setting.Key] = new JsonObject
            {
                ["source"] = context.Plan.Generation.Templates.TryGetValue(setting.Key, out string? file) ? file : "built-in " + context.Plan.Generation.PromptStyle.ToString().ToLowerInvariant(),
                ["sha256"] = Hashing.Sha256(context.Template(setting)),
            };
        }

        return templates;
    }

    private JsonObject Models()
    {
        var plan = context.Plan;
        var generators = new JsonArray();
        foreach (var generator in plan.Generators)
        {
            var node = Endpoint(generator.Endpoint, Prices.Of(generator));
            node.Insert(0, "name", generator.Name);
            generators.Add((JsonNode)node);
        }

        return new JsonObject
        {
            ["generators"] = generators,
            ["metric_judge"] = Optional(plan.Metrics.Judge),
            ["embedding"] = Optional(plan.Metrics.Embedding),
            ["perplexity"] = Optional(plan.Metrics.Perplexity),
            ["base"] = Optional(plan.Evaluation.Base),
            ["reference"] = Optional(plan.Evaluation.Reference),
            ["evaluation_judge"] = Optional(plan.Evaluation.Judge),
            ["training_api"] = Optional(plan.Training.Api),
        };

        JsonObject? Optional(ModelEndpoint? endpoint) => endpoint is null ? null : Endpoint(endpoint, Prices.Of(endpoint));
    }

    private static JsonObject Endpoint(ModelEndpoint endpoint, ModelPrice? price) => new()
    {
        ["model"] = endpoint.Model,
        ["endpoint"] = endpoint.RedactedEndpoint(),
        ["api_key_env"] = endpoint.KeyVariable(),
        ["backend"] = endpoint.Backend == ModelBackend.Batch ? "batch" : "online",
        ["replicas"] = endpoint.Replicas.Count == 0 ? null : new JsonArray([.. endpoint.Replicas.Select(r => (JsonNode)new ModelEndpoint { Model = endpoint.Model, Endpoint = r }.RedactedEndpoint())]),
        ["price_usd_per_1m"] = price is null ? null : new JsonObject { ["input"] = price.InputUsdPerMillionTokens, ["output"] = price.OutputUsdPerMillionTokens },
        ["concurrency"] = endpoint.Concurrency,
    };

    private JsonObject Options()
    {
        var plan = context.Plan;
        var g = plan.Generation;
        var t = plan.Training;
        var e = plan.Evaluation;
        return new JsonObject
        {
            ["generation"] = new JsonObject
            {
                ["prompt_style"] = g.PromptStyle.ToString(),
                ["demonstrations"] = g.DemonstrationMode.ToString(),
                ["max_attempts"] = g.MaxAttempts,
                ["temperature"] = g.Temperature,
                ["top_p"] = g.TopP,
                ["max_output_tokens"] = g.MaxOutputTokens,
                ["budget_usd_per_cell"] = g.BudgetUsdPerCell,
                ["length_tokenizer"] = g.LengthTokenizerFile ?? "o200k_base",
            },
            ["metrics"] = new JsonObject { ["names"] = new JsonArray([.. plan.Metrics.Names.Select(n => (JsonNode)n)]), ["concurrency"] = plan.Metrics.Concurrency },
            ["training"] = new JsonObject
            {
                ["trainer"] = context.Options.Trainer?.Name ?? t.Trainer,
                ["base_model"] = t.BaseModel,
                ["command"] = t.Command,
                ["format"] = SftExporter.ToName(t.Format),
                ["epochs"] = t.Hyperparameters.Epochs,
                ["learning_rate"] = t.Hyperparameters.LearningRate,
                ["batch_size"] = t.Hyperparameters.BatchSize,
                ["gradient_accumulation_steps"] = t.Hyperparameters.GradientAccumulationSteps,
                ["max_sequence_length"] = t.Hyperparameters.MaxSequenceLength,
                ["environment_variables"] = new JsonArray([.. t.Environment.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]),
            },
            ["evaluation"] = new JsonObject
            {
                ["base_few_shot"] = e.BaseFewShot,
                ["benchmarks"] = new JsonArray([.. e.Benchmarks.Keys.Order(StringComparer.Ordinal).Select(k => (JsonNode)k)]),
                ["problem_solving"] = e.ProblemSolving,
                ["bootstrap_rounds"] = e.BootstrapRounds,
                ["code_timeout_seconds"] = e.CodeTimeout.TotalSeconds,
            },
            ["analysis"] = new JsonObject
            {
                ["aggregation"] = PgrCalculationOptions.ToName(plan.Analysis.Aggregation),
                ["principal_components"] = plan.Analysis.PrincipalComponents,
            },
        };
    }

    private async Task<JsonObject> InputsAsync(CancellationToken cancellationToken)
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
        var inputs = new JsonObject();
        foreach (string file in files)
        {
            inputs[file] = File.Exists(file) ? "sha256:" + await context.FileHashAsync(file, cancellationToken).ConfigureAwait(false) : "missing";
        }

        return inputs;
    }

    private JsonObject Steps(IReadOnlyList<RunStep> steps)
    {
        var node = new JsonObject();
        foreach (var step in steps)
        {
            var record = context.Records.Load(step.Info.Id);
            if (record is null)
            {
                node[step.Info.Id] = new JsonObject { ["status"] = "pending" };
                continue;
            }

            var entry = record.ToJson();
            entry.Remove("id");
            node[step.Info.Id] = entry;
        }

        return node;
    }
}
