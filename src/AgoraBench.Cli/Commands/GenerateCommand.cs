using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench generate</c>: one AgoraBench setting against one generator, resumable and cost-accounted.</summary>
internal static class GenerateCommand
{
    // Library option names that differ from the command's.
    private static readonly Dictionary<string, string> OptionAliases = new(StringComparer.Ordinal)
    {
        ["Generator"] = "--model",
        ["Prices"] = "--price-input/--price-output",
        ["RequestsPerMinute"] = "--rpm",
        ["TokensPerMinute"] = "--tpm",
        ["Template"] = "--template",
    };

    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "instance-generation, response-generation or quality-enhancement.", Required = true, HelpName = "METHOD" };
        var domain = new Option<string>("--domain") { Description = "math, code or instruction-following.", Required = true, HelpName = "DOMAIN" };
        var seed = new Option<string>("--seed") { Description = "Seed data: a JSON array or JSONL with instruction/response, or GSM8K-style question/answer rows.", Required = true, HelpName = "FILE" };
        var count = new Option<int?>("--count") { Description = "Instances to generate (instance generation, required); seeds to process for the other methods (default all).", HelpName = "N" };
        var model = new Option<string>("--model") { Description = "The generator model id; also written to each row's generator field.", Required = true, HelpName = "NAME" };
        var endpoint = new Option<string[]>("--endpoint") { Description = "An OpenAI-compatible base URL ending in /v1 (OpenAI, vLLM, Ollama, LM Studio); default OpenAI. Repeat it for replicas of one model: calls are balanced over them and a failing one is ejected.", HelpName = "URL", Arity = ArgumentArity.ZeroOrMore };
        var keyEnv = new Option<string>("--api-key-env") { Description = "Environment variable holding the API key (may be unset for local endpoints).", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "VAR" };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight (per replica). With --backend batch every item is queued at once.", DefaultValueFactory = _ => 8, HelpName = "K" };
        var backend = ScaleOutOptions.Backend();
        var batchDir = ScaleOutOptions.BatchDirectory();
        var batchPoll = ScaleOutOptions.BatchPoll();
        var shard = ScaleOutOptions.Shard("seeds, or the instance count");
        var output = new Option<string>("--out") { Description = "The JSONL file of accepted instances; every completion is also logged to FILE.attempts.jsonl.", Required = true, HelpName = "FILE.jsonl" };
        var resume = new Option<bool>("--resume") { Description = "Continue an existing --out file, skipping finished items." };
        var style = new Option<string>("--prompt-style") { Description = "agora (the paper's meta-prompts) or json (the JSON instance-generation variant).", DefaultValueFactory = _ => "agora", HelpName = "agora|json" }
            .AcceptOnlyFromAmong("agora", "json");
        var randomSeed = new Option<int>("--random-seed") { Description = "Seed of demonstrations, themes and triggers.", DefaultValueFactory = _ => 0, HelpName = "S" };
        var maxAttempts = new Option<int>("--max-attempts") { Description = "Completions one item may use before it is given up.", DefaultValueFactory = _ => 5, HelpName = "A" };
        var priceIn = new Option<decimal?>("--price-input") { Description = "USD per 1M input tokens (default: the built-in price of --model, if known).", HelpName = "USD_PER_1M" };
        var priceOut = new Option<decimal?>("--price-output") { Description = "USD per 1M output tokens.", HelpName = "USD_PER_1M" };
        var budget = new Option<decimal?>("--budget") { Description = "Stop before spending more than this many USD.", HelpName = "USD" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds before one request is abandoned and retried.", DefaultValueFactory = _ => 300, HelpName = "SECONDS" };
        var rpm = new Option<int?>("--rpm") { Description = "Requests-per-minute limit.", HelpName = "N" };
        var tpm = new Option<int?>("--tpm") { Description = "Tokens-per-minute limit (input plus output).", HelpName = "N" };
        var cacheFile = new Option<string?>("--cache") { Description = "A response cache (JSONL) keyed on model, setting, item, attempt and prompt: a rerun replays paid completions.", HelpName = "FILE" };
        var tokenizerFile = new Option<string?>("--tokenizer-file") { Description = "A Llama-3 tokenizer.model for the 4,096-token length check (the paper's); default GPT-4o's o200k_base.", HelpName = "FILE" };
        var template = new Option<string?>("--template") { Description = "A custom meta-prompt file; checked for the method's required placeholders.", HelpName = "FILE" };

        var command = new Command(
            "generate",
            "Generate synthetic data for one AgoraBench setting with one generator. Every completion is kept; --resume continues after a crash.\n\n"
            + "Example:\n  agorabench generate --method instance-generation --domain math --seed seed.json --count 10000 --model gpt-4o-mini --out ig-math.jsonl")
        {
            method, domain, seed, count, model, endpoint, keyEnv, concurrency, output, resume, style, randomSeed, maxAttempts, priceIn, priceOut, budget, timeout, template, tokenizerFile, rpm, tpm, cacheFile, backend, batchDir, batchPoll, shard,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var errors = new List<DataError>();
                if (!AgoraBenchNames.TryParseMethod(parseResult.GetRequiredValue(method), out var generationMethod))
                {
                    errors.Add(new DataError(null, null, "--method", $"'{parseResult.GetRequiredValue(method)}' is not a method; expected instance-generation, response-generation or quality-enhancement"));
                }

                if (!AgoraBenchNames.TryParseDomain(parseResult.GetRequiredValue(domain), out var benchmarkDomain))
                {
                    errors.Add(new DataError(null, null, "--domain", $"'{parseResult.GetRequiredValue(domain)}' is not a domain; use math, code, instruction-following or a declared domain's name (letters, digits, '-', '_' or '.')"));
                }
                else if (!AgoraBenchSettings.All.Any(s => s.Domain == benchmarkDomain) && parseResult.GetValue(template) is null)
                {
                    errors.Add(new DataError(null, null, "--domain", $"'{benchmarkDomain}' is not one of the paper's domains (math, code, instruction-following), so it has no built-in meta-prompt; give its meta-prompt with --template"));
                }

                var endpoints = ScaleOutOptions.ParseEndpoints(parseResult.GetValue(endpoint), errors);
                bool batch = parseResult.GetRequiredValue(backend) == "batch";
                if (batch && endpoints.Count > 1)
                {
                    errors.Add(new DataError(null, null, "--endpoint", "a batch back end is one API: give one endpoint, not replicas"));
                }

                var shardSpec = ScaleOutOptions.ParseShard(parseResult.GetValue(shard), errors, parseResult.InvocationConfiguration.Error);

                if (parseResult.GetValue(timeout) <= 0)
                {
                    errors.Add(new DataError(null, null, "--timeout", "must be positive"));
                }

                string modelName = parseResult.GetRequiredValue(model);
                decimal? inputPrice = parseResult.GetValue(priceIn);
                decimal? outputPrice = parseResult.GetValue(priceOut);
                if (inputPrice is null && outputPrice is null && PublishedResults.FindGenerator(modelName) is { } builtIn)
                {
                    // The paper's six generators come with their Table 3 prices.
                    (inputPrice, outputPrice) = ((decimal)builtIn.InputUsdPerMillionTokens, (decimal)builtIn.OutputUsdPerMillionTokens);
                }

                if (batch)
                {
                    // The batch API bills half the online price.
                    (inputPrice, outputPrice) = (inputPrice * ModelEndpoint.BatchPriceFactor, outputPrice * ModelEndpoint.BatchPriceFactor);
                }

                var options = new GenerationEngineOptions
                {
                    Method = generationMethod,
                    Domain = benchmarkDomain,
                    Count = parseResult.GetValue(count),
                    Generator = modelName,
                    Concurrency = parseResult.GetValue(concurrency) * Math.Max(1, endpoints.Count),
                    Shard = shardSpec,
                    MaxAttempts = parseResult.GetValue(maxAttempts),
                    RandomSeed = parseResult.GetValue(randomSeed),
                    PromptStyle = parseResult.GetRequiredValue(style) == "json" ? PromptStyle.Json : PromptStyle.Agora,
                    PriceInputPerMillion = inputPrice,
                    PriceOutputPerMillion = outputPrice,
                    Budget = parseResult.GetValue(budget),
                    RequestsPerMinute = parseResult.GetValue(rpm),
                    TokensPerMinute = parseResult.GetValue(tpm),
                    Template = parseResult.GetValue(template) is { } templatePath ? await File.ReadAllTextAsync(templatePath, cancellationToken).ConfigureAwait(false) : null,
                };
                if (errors.Count == 0)
                {
                    errors.AddRange(OptionNames.ToErrors(parseResult.CommandResult.Command, options.Validate(), OptionAliases));
                }

                if (errors.Count > 0)
                {
                    throw new DataValidationException(errors);
                }

                string seedPath = parseResult.GetRequiredValue(seed);
                var seeds = await SyntheticDataset.ReadSeedsAsync(seedPath, cancellationToken).ConfigureAwait(false);
                if (seeds.Count == 0)
                {
                    // Checked before the output is opened, so no empty output file is left behind.
                    throw new DataValidationException([new DataError(seedPath, null, null, "the file has no seed instances; generation needs at least one")]);
                }

                if (batch)
                {
                    options.Concurrency = Math.Clamp(options.Count ?? seeds.Count, 1, 100_000);
                    options.RequestsPerMinute = null;
                    options.TokensPerMinute = null;
                }

                string? batchFolder = batch ? parseResult.GetValue(batchDir) ?? parseResult.GetRequiredValue(output) + ".batch" : null;
                using var client = EndpointClients.Chat(endpoints, parseResult.GetRequiredValue(keyEnv), modelName, ModelRole.Generator, parseResult.GetValue(concurrency), batchFolder, TimeSpan.FromSeconds(parseResult.GetValue(timeout)), TimeSpan.FromSeconds(parseResult.GetValue(batchPoll)), batch ? options.Concurrency : null);
                IDataGenerator generator = new ChatDataGenerator(client, new ChatDataGeneratorOptions
                {
                    ModelId = modelName,
                    TokenCounter = parseResult.GetValue(tokenizerFile) is { } tokenizerPath ? TokenizerTokenCounter.FromLlama3TokenizerFile(tokenizerPath) : null,
                });
                CachingDataGenerator? cache = null;
                if (parseResult.GetValue(cacheFile) is { } cachePath)
                {
                    cache = await CachingDataGenerator.OpenAsync(generator, modelName, cachePath, cancellationToken).ConfigureAwait(false);
                    generator = cache;
                }

                try
                {
                    var engine = new GenerationEngine(generator, options);
                    var error = parseResult.InvocationConfiguration.Error;
                    GenerationSummary summary;
                    int? total = shardSpec.IsWhole ? options.Count ?? seeds.Count : null;
                    string label = $"generate {modelName} {AgoraBenchNames.ToName(generationMethod)}/{benchmarkDomain}";
                    try
                    {
                        summary = await ItemProgress.RunAsync(error, label, total, progress => engine.RunAsync(
                            seeds,
                            parseResult.GetRequiredValue(output),
                            parseResult.GetValue(resume),
                            new CallbackProgress<GenerationSummary>(v => progress.Update(v.Accepted + v.Resumed, v.Failed, string.Create(CultureInfo.InvariantCulture, $"rejected {v.Completions - v.Accepted}, retries {v.TransportRetries}"))),
                            cancellationToken)).ConfigureAwait(false);
                    }
                    catch (GenerationAbortedException ex)
                    {
                        throw new DataValidationException(ex.Message, ex);
                    }
                    catch (DataValidationException ex) when (ex.InnerException is IOException)
                    {
                        // The output exists (or another run has it open): say which option continues it.
                        throw new DataValidationException(ex.Message + " (--resume continues it)", ex.InnerException);
                    }

                    await stdout.WriteLineAsync(Describe(summary)).ConfigureAwait(false);
                    if (client.GetService<AgoraBench.OpenAI.OpenAIBatchChatClient>() is { } batchClient)
                    {
                        var b = batchClient.Statistics;
                        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"batch: {b.Batches} batch(es), {b.Submitted} request(s) submitted, {b.Requeued} resubmitted, {b.Replayed} replayed from {batchFolder}; cost at batch prices")).ConfigureAwait(false);
                    }

                    if (client.GetService<EndpointPoolChatClient>() is { } pool)
                    {
                        foreach (var replica in pool.Statistics)
                        {
                            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"replica {replica.Name}: {replica.Succeeded} answered, {replica.Failed} failed, ejected {replica.Ejections} time(s)")).ConfigureAwait(false);
                        }
                    }
                    if (cache is not null)
                    {
                        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cache hits {cache.Hits}")).ConfigureAwait(false);
                    }
                }
                finally
                {
                    if (cache is not null)
                    {
                        await cache.DisposeAsync().ConfigureAwait(false);
                    }
                }
            },
            cancellationToken));
        return command;
    }

    internal static string Describe(GenerationSummary s)
    {
        string rejected = s.RejectedByReason.Count == 0 ? "none" : string.Join(", ", s.RejectedByReason.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));
        string cost = s.Cost is { } c ? string.Create(CultureInfo.InvariantCulture, $"${c:F4}") : "unknown (no price)";
        string stopped = s.StoppedReason is null ? string.Empty : $"\nstopped early: {s.StoppedReason}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"accepted {s.Accepted} (plus {s.Resumed} resumed), failed items {s.Failed}\nrejected: {rejected}\ncompletions {s.Completions}, transport retries {s.TransportRetries}\ntokens: input {s.InputTokens}, output {s.OutputTokens}; cost {cost}{stopped}");
    }
}
