using System.CommandLine;
using System.Globalization;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench score</c>: intrinsic metrics of a dataset.</summary>
internal static class ScoreCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The dataset (JSON Lines or the reference JSON array).", Required = true, HelpName = "FILE" };
        var domain = new Option<string>("--domain") { Description = "math, code or instruction-following (selects the judge rubrics).", Required = true, HelpName = "DOMAIN" };
        var metrics = new Option<string>("--metrics")
        {
            Description = "Comma-separated: " + string.Join(", ", IntrinsicMetricNames.All) + ".",
            Required = true,
            HelpName = "LIST",
        };
        var output = new Option<string>("--out") { Description = "The JSON file to write: {\"metrics\": {name: {mean, count, failed, ...}}}.", Required = true, HelpName = "FILE.json" };
        var judgeModel = new Option<string?>("--judge-model") { Description = "The judge model (instruction-difficulty, response-quality).", HelpName = "MODEL" };
        var judgeEndpoint = new Option<string?>("--judge-endpoint") { Description = "The judge's OpenAI-compatible base URL ending in /v1 (default https://api.openai.com/v1).", HelpName = "URL" };
        var judgeKey = new Option<string>("--judge-api-key-env") { Description = "Environment variable with the judge's API key.", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "VAR" };
        var embeddingModel = new Option<string?>("--embedding-model") { Description = "The embedding model (instruction-diversity, response-diversity).", HelpName = "MODEL" };
        var embeddingEndpoint = new Option<string?>("--embedding-endpoint") { Description = "The embedding model's base URL ending in /v1.", HelpName = "URL" };
        var embeddingKey = new Option<string>("--embedding-api-key-env") { Description = "Environment variable with the embedding API key.", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "VAR" };
        var perplexityModel = new Option<string?>("--perplexity-model") { Description = "The scoring model for response-perplexity (the paper: meta-llama/Llama-3.1-8B).", HelpName = "MODEL" };
        var perplexityEndpoint = new Option<string?>("--perplexity-endpoint") { Description = "A /v1 endpoint serving /completions with echo and logprobs (vLLM).", HelpName = "URL" };
        var perplexityOnnx = new Option<string?>("--perplexity-onnx") { Description = "A folder with model.onnx and tokenizer.model (or vocab.json + merges.txt): score response-perplexity locally instead of over HTTP.", HelpName = "DIR" };
        var perplexityBos = new Option<int?>("--perplexity-bos-id") { Description = "--perplexity-onnx: a token id to put before each context (Llama-3: 128000).", HelpName = "ID" };
        var perplexityKey = new Option<string?>("--perplexity-api-key-env") { Description = "Environment variable with the perplexity endpoint's key, if it needs one.", HelpName = "VAR" };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight per metric.", DefaultValueFactory = _ => 8, HelpName = "K" };
        var backend = ScaleOutOptions.Backend();
        backend.Description = "online, or batch: the judges' requests go through the batch API (half price); embeddings and perplexity stay online.";
        var batchDir = ScaleOutOptions.BatchDirectory();
        var batchPoll = ScaleOutOptions.BatchPoll();

        var command = new Command(
            "score",
            "Compute intrinsic metrics of a dataset: instruction difficulty and response quality (LLM judge), response perplexity, "
            + "instruction and response diversity (embeddings).\n\nExample:\n  agorabench score --data gen.jsonl --domain math "
            + "--metrics response-quality,response-diversity --judge-model gpt-4o --embedding-model text-embedding-3-small --out metrics.json")
        {
            data, domain, metrics, output, judgeModel, judgeEndpoint, judgeKey, embeddingModel, embeddingEndpoint, embeddingKey,
            perplexityModel, perplexityEndpoint, perplexityOnnx, perplexityBos, perplexityKey, concurrency, backend, batchDir, batchPoll,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var errors = new List<DataError>();
                var names = parseResult.GetRequiredValue(metrics).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                foreach (string unknown in names.Where(n => !IntrinsicMetricNames.All.Contains(n)))
                {
                    errors.Add(new DataError(null, null, "--metrics", $"'{unknown}' is not a metric; expected {string.Join(", ", IntrinsicMetricNames.All)}"));
                }

                if (!AgoraBenchNames.TryParseDomain(parseResult.GetRequiredValue(domain), out var benchmarkDomain))
                {
                    errors.Add(new DataError(null, null, "--domain", $"'{parseResult.GetRequiredValue(domain)}' is not a domain; use math, code, instruction-following or a declared domain's name (letters, digits, '-', '_' or '.')"));
                }

                bool judged = names.Any(n => n is IntrinsicMetricNames.InstructionDifficulty or IntrinsicMetricNames.ResponseQuality);
                bool embedded = names.Any(n => n is IntrinsicMetricNames.InstructionDiversity or IntrinsicMetricNames.ResponseDiversity);
                bool perplexity = names.Contains(IntrinsicMetricNames.ResponsePerplexity);
                if (judged && string.IsNullOrWhiteSpace(parseResult.GetValue(judgeModel)))
                {
                    errors.Add(new DataError(null, null, "--judge-model", "is required for instruction-difficulty and response-quality"));
                }

                if (embedded && string.IsNullOrWhiteSpace(parseResult.GetValue(embeddingModel)))
                {
                    errors.Add(new DataError(null, null, "--embedding-model", "is required for instruction-diversity and response-diversity"));
                }

                string? onnxDir = parseResult.GetValue(perplexityOnnx);
                if (perplexity && onnxDir is null && (string.IsNullOrWhiteSpace(parseResult.GetValue(perplexityModel)) || string.IsNullOrWhiteSpace(parseResult.GetValue(perplexityEndpoint))))
                {
                    errors.Add(new DataError(null, null, "--perplexity-model/--perplexity-endpoint", "are required for response-perplexity (or --perplexity-onnx DIR)"));
                }

                if (onnxDir is not null && !Directory.Exists(onnxDir))
                {
                    errors.Add(new DataError(onnxDir, null, "--perplexity-onnx", "the folder does not exist"));
                }

                Uri? Url(Option<string?> option)
                {
                    if (parseResult.GetValue(option) is not { } text)
                    {
                        return null;
                    }

                    if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
                    {
                        return uri;
                    }

                    errors.Add(new DataError(null, null, option.Name, $"'{text}' is not an absolute URL"));
                    return null;
                }

                var judgeUrl = Url(judgeEndpoint);
                var embeddingUrl = Url(embeddingEndpoint);
                var perplexityUrl = Url(perplexityEndpoint);
                if (parseResult.GetValue(concurrency) < 1)
                {
                    errors.Add(new DataError(null, null, "--concurrency", "must be at least 1"));
                }

                if (errors.Count > 0)
                {
                    throw new DataValidationException(errors);
                }

                string dataPath = parseResult.GetRequiredValue(data);
                var instances = await SyntheticDataset.ReadAsync(dataPath, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (instances.Count == 0)
                {
                    // Nothing is written, so an earlier --out stays as it was.
                    throw new DataValidationException([new DataError(dataPath, null, null, "the file has no instances to score")]);
                }

                int k = parseResult.GetValue(concurrency);
                using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                using var onnx = perplexity && onnxDir is not null
                    ? AgoraBench.Onnx.OnnxLogProbabilityScorer.FromDirectory(onnxDir, new AgoraBench.Onnx.OnnxLogProbabilityScorerOptions { BeginningOfSequenceId = parseResult.GetValue(perplexityBos) })
                    : null;
                bool batch = parseResult.GetRequiredValue(backend) == "batch";
                int judgeConcurrency = batch ? Math.Max(1, instances.Count) : k;
                using var judgeClient = judged
                    ? EndpointClients.Chat(judgeUrl is null ? [] : [judgeUrl], parseResult.GetRequiredValue(judgeKey), parseResult.GetValue(judgeModel)!, ModelRole.MetricJudge, k, batch ? parseResult.GetValue(batchDir) ?? parseResult.GetRequiredValue(output) + ".batch" : null, batchPoll: TimeSpan.FromSeconds(parseResult.GetValue(batchPoll)))
                    : null;
                var list = new List<IIntrinsicMetric>();
                foreach (string name in names.Distinct())
                {
                    list.Add(name switch
                    {
                        IntrinsicMetricNames.InstructionDifficulty => new JudgeMetric(judgeClient!, JudgeCriterion.InstructionDifficulty, benchmarkDomain, judgeConcurrency),
                        IntrinsicMetricNames.ResponseQuality => new JudgeMetric(judgeClient!, JudgeCriterion.ResponseQuality, benchmarkDomain, judgeConcurrency),
                        IntrinsicMetricNames.InstructionDiversity => new DiversityMetric(EndpointClients.Embeddings(embeddingUrl, parseResult.GetRequiredValue(embeddingKey), parseResult.GetValue(embeddingModel)!), DiversityTarget.Instruction, k),
                        IntrinsicMetricNames.ResponseDiversity => new DiversityMetric(EndpointClients.Embeddings(embeddingUrl, parseResult.GetRequiredValue(embeddingKey), parseResult.GetValue(embeddingModel)!), DiversityTarget.Response, k),
                        _ => new PerplexityMetric(
                            onnx is not null
                                ? onnx
                                : new CompletionsLogProbabilityScorer(http, perplexityUrl!, parseResult.GetValue(perplexityModel)!, parseResult.GetValue(perplexityKey)),
                            k),
                    });
                }

                var report = await ItemProgress.RunAsync(parseResult.InvocationConfiguration.Error, $"score {instances.Count} instance(s)", list.Count, progress =>
                {
                    int done = 0;
                    int failedItems = 0;
                    return IntrinsicMetricsRunner.RunAsync(
                        instances,
                        list,
                        new CallbackProgress<IntrinsicMetricResult>(r => progress.Update(Interlocked.Increment(ref done), Interlocked.Add(ref failedItems, r.Failed), $"metrics done; last {r.Name}")),
                        cancellationToken);
                }).ConfigureAwait(false);
                foreach (var result in report.Results)
                {
                    string value = result.Value is double v ? v.ToString("F4", CultureInfo.InvariantCulture) : "n/a";
                    await stdout.WriteLineAsync($"{result.Name}: {value} (scored {result.Count}, failed {result.Failed}, {result.Usage.Requests} requests)").ConfigureAwait(false);
                }

                var unscored = report.Results.Where(r => r.Count == 0 && r.Failed > 0).ToArray();
                if (unscored.Length > 0)
                {
                    // A metric with no item scored is no result: say so and keep any earlier --out.
                    throw new MetricsFailedException(string.Join("\n", unscored.Select(r =>
                        $"{r.Name}: every one of {r.Failed} item(s) failed" + (r.Diagnostics.Count > 0 ? $" (first: {r.Diagnostics[0].Message})" : string.Empty))) + $"\nnothing was written to {parseResult.GetRequiredValue(output)}");
                }

                await CommandRunner.WriteResultAsync(report.ToJson(), parseResult.GetRequiredValue(output), stdout, $"{report.Results.Count} metric(s)", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
