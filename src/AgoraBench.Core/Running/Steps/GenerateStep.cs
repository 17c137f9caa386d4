using System.Globalization;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>Generates one generator × setting's dataset with the <see cref="GenerationEngine"/>; an interrupted run resumes from its run store.</summary>
internal sealed class GenerateStep(RunStepInfo info, PlanGenerator generator, AgoraBenchSetting setting) : RunStep(info, [])
{
    public PlanGenerator Generator { get; } = generator;

    public AgoraBenchSetting Setting { get; } = setting;

    public override bool Resumable => true;

    public override IReadOnlyList<string> Outputs(RunContext context) => [context.Directory.Data(Generator.Name, Setting)];

    public override IReadOnlyList<string> Artefacts(RunContext context) => [context.Directory.Data(Generator.Name, Setting), context.Directory.Data(Generator.Name, Setting) + ".attempts.jsonl"];

    public override async Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var g = context.Plan.Generation;
        var config = new JsonObject
        {
            ["model"] = Generator.Endpoint.Model,
            ["setting"] = Setting.Key,
            ["instances"] = context.Plan.Instances,
            ["random_seed"] = context.Plan.RandomSeed,
            ["seed_data"] = await context.FileHashAsync(context.Plan.Seeds[Setting.Key], cancellationToken).ConfigureAwait(false),
            ["template"] = Hashing.Sha256(context.Template(Setting)),
            ["system_message"] = Hashing.Sha256(MetaPrompts.SystemMessage),
            ["prompt_style"] = g.PromptStyle.ToString(),
            ["demonstrations"] = g.DemonstrationMode.ToString(),
            ["temperature"] = g.Temperature,
            ["top_p"] = g.TopP,
            ["max_output_tokens"] = g.MaxOutputTokens,
            ["max_attempts"] = g.MaxAttempts,
        };
        if (g.LengthTokenizerFile is { } tokenizer)
        {
            config["length_tokenizer"] = await context.FileHashAsync(tokenizer, cancellationToken).ConfigureAwait(false);
        }

        return config;
    }

    public override string? RefuseRestart(RunContext context)
    {
        string data = context.Directory.Data(Generator.Name, Setting);
        return File.Exists(data) && new FileInfo(data).Length > 0
            ? $"the generation settings of {Generator.Name} on {Setting.Key} changed after {context.Directory.Relative(data)} was generated; the paid-for data is kept. Use a new run folder, or delete that file to generate again."
            : null;
    }

    public override void Discard(RunContext context)
    {
        string data = context.Directory.Data(Generator.Name, Setting);
        DeleteIfExists(data);
        DeleteIfExists(data + ".attempts.jsonl");
        DeleteIfExists(data + ".issued.jsonl");
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var g = plan.Generation;
        var seeds = await context.SeedsAsync(Setting, cancellationToken).ConfigureAwait(false);
        System.Diagnostics.Activity.Current?.SetTag(AgoraBenchTelemetry.RequestModelAttribute, Generator.Endpoint.Model);
        int? count = Setting.Method == GenerationMethod.InstanceGeneration ? plan.Instances : Math.Min(plan.Instances, seeds.Count);
        var price = Prices.Of(Generator);
        var declared = plan.Domains.Values.FirstOrDefault(d => AgoraBenchNames.TryParseDomain(d.Name, out var domain) && domain == Setting.Domain);
        var options = new GenerationEngineOptions
        {
            Method = Setting.Method,
            Domain = Setting.Domain,
            Count = count,
            Generator = Generator.Name,
            Concurrency = RunContext.Concurrency(Generator.Endpoint, count ?? seeds.Count),
            MaxAttempts = g.MaxAttempts,
            RandomSeed = plan.RandomSeed,
            DemonstrationMode = g.DemonstrationMode,
            PromptStyle = g.PromptStyle,
            Template = g.Templates.ContainsKey(Setting.Key) ? context.Template(Setting) : null,
            Themes = declared is { Themes.Count: > 0 } ? declared.Themes : null,
            PriceInputPerMillion = price?.InputUsdPerMillionTokens,
            PriceOutputPerMillion = price?.OutputUsdPerMillionTokens,
            Budget = g.BudgetUsdPerCell,
            RequestsPerMinute = Generator.Endpoint.Backend == ModelBackend.Online ? Generator.Endpoint.RequestsPerMinute : null,
            TokensPerMinute = Generator.Endpoint.Backend == ModelBackend.Online ? Generator.Endpoint.TokensPerMinute : null,
        };
        var generatorOptions = new ChatDataGeneratorOptions
        {
            ModelId = Generator.Endpoint.Model,
            Temperature = g.Temperature,
            TopP = g.TopP,
            MaxOutputTokens = g.MaxOutputTokens,
            TokenCounter = g.LengthTokenizerFile is { } file ? TokenizerTokenCounter.FromLlama3TokenizerFile(file) : null,

            // A declared domain is checked by the general rules unless it names the math or code validator.
            ValidatorDomain = Setting.Domain.IsBuiltIn ? null : declared?.Validator switch
            {
                "math" => BenchmarkDomain.Math,
                "code" => BenchmarkDomain.Code,
                _ => BenchmarkDomain.InstructionFollowing,
            },
        };
        // A host's generator for this name (AddDataGenerator) runs instead of the chat generator over the plan's endpoint.
        IDataGenerator dataGenerator = context.Options.DataGenerators.TryGetValue(Generator.Name, out var hosted)
            ? hosted
            : new ChatDataGenerator(context.Chat(Generator.Endpoint, ModelRole.Generator), generatorOptions);
        var engine = new GenerationEngine(dataGenerator, options, context.Time, context.Options.LoggerFactory is { } loggers ? Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<GenerationEngine>(loggers) : null);
        int total = count ?? seeds.Count;
        var store = await GenerationRunStore.OpenAsync(context.Directory.Data(Generator.Name, Setting), resume: true, cancellationToken).ConfigureAwait(false);
        GenerationSummary summary;
        await using (store.ConfigureAwait(false))
        {
            progress?.Report(Progress(store.Existing.Count, total));
            var engineProgress = progress is null ? null : new SynchronousProgress<GenerationSummary>(s => progress.Report(Progress(s.Accepted + s.Resumed, total)));
            try
            {
                summary = await engine.RunAsync(seeds, store, engineProgress, cancellationToken).ConfigureAwait(false);
            }
            catch (GenerationAbortedException ex)
            {
                throw new RunStepException(ex.Message, ex);
            }
            catch (DataValidationException ex)
            {
                throw new RunStepException($"{plan.Seeds[Setting.Key]}: {ex.Message}", ex);
            }
        }

        if (summary.StoppedReason is { } reason)
        {
            throw new RunStepException($"stopped early ({reason}) with {summary.Accepted + summary.Resumed} of {total} instances; everything accepted is kept, and a rerun continues (raise generation.budgetUsdPerCell first).");
        }

        return new JsonObject
        {
            ["accepted"] = summary.Accepted + summary.Resumed,
            ["accepted_now"] = summary.Accepted,
            ["failed_items"] = summary.Failed,
            ["completions"] = summary.Completions,
            ["transport_retries"] = summary.TransportRetries,
            ["input_tokens"] = summary.InputTokens,
            ["output_tokens"] = summary.OutputTokens,
            ["cost_usd"] = summary.Cost is decimal c ? c.ToString(CultureInfo.InvariantCulture) : null,
            ["rejected"] = new JsonObject([.. summary.RejectedByReason.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        };
    }
}
