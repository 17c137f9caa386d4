using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench evaluate</c>: run a model over a benchmark, then grade.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var benchmark = new Option<string>("--benchmark") { Description = "gsm8k, math, mbpp, humaneval, arena-hard or alpacaeval-2.0, or with --plan any benchmark the plan declares.", Required = true, HelpName = "BENCHMARK" };
        var plan = new Option<string?>("--plan") { Description = "A plan whose evaluation.benchmarks declares the benchmark (its student prompt, grader and problems file).", HelpName = "PLAN.json" };
        var problems = new Option<string?>("--problems") { Description = "The benchmark file in its native format; with --plan, the plan's problems file unless given.", HelpName = "FILE" };
        var model = new Option<string>("--model") { Description = "The model name the endpoint serves (a student, the base model or the reference).", Required = true, HelpName = "MODEL" };
        var endpoint = new Option<string[]>("--endpoint") { Description = "An OpenAI-compatible base URL ending in /v1 (vLLM, Ollama, OpenAI); repeat it for replicas of the model.", Required = true, HelpName = "URL", Arity = ArgumentArity.OneOrMore };
        var keyVariable = new Option<string>("--api-key-env") { Description = "Environment variable with the endpoint's key (none needed for local endpoints).", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "VAR" };
        var fewShot = new Option<int>("--few-shot") { Description = "Use the first K problems as demonstrations (the paper evaluates the base model few-shot) and evaluate the rest; with --plan the problems the run evaluates (after its evaluation.baseFewShot held-out ones, or K from the benchmark's fewShotProblems file).", DefaultValueFactory = _ => 0, HelpName = "K" };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N problems (after the demonstrations); with --plan the benchmark's limit unless given.", HelpName = "N" };
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight.", DefaultValueFactory = _ => 8, HelpName = "K" };
        var predictionsFile = new Option<string?>("--predictions") { Description = "Where predictions are appended (default: OUT with .predictions.jsonl); re-running resumes.", HelpName = "FILE" };
        var backend = ScaleOutOptions.Backend();
        var batchDir = ScaleOutOptions.BatchDirectory();
        var batchPoll = ScaleOutOptions.BatchPoll();
        var shard = ScaleOutOptions.Shard("problems");
        var output = new Option<string>("--out") { Description = "The grade JSON (for arena-hard and alpacaeval-2.0 only the predictions are written; judge them with 'agorabench judge').", Required = true, HelpName = "FILE.json" };
        var command = new Command(
            "evaluate",
            "Run a model over a benchmark with the paper's inference settings (temperature 0.2 for math, 0 otherwise; top_p 0.95; 1,024 tokens), "
            + "appending predictions as they arrive (an interrupted run resumes), then grade them.\n\n"
            + "A benchmark declared in a plan is asked with its own prompt template and graded by its own grader.\n\n"
            + "Examples:\n  agorabench evaluate --benchmark gsm8k --problems gsm8k/test.jsonl --model student --endpoint http://localhost:8000/v1 --out gsm8k.json\n"
            + "  agorabench evaluate --plan plan.json --benchmark sql-exec --model student --endpoint http://localhost:8000/v1 --out sql-exec.json")
        {
            benchmark, plan, problems, model, endpoint, keyVariable, fewShot, limit, concurrency, predictionsFile, output, backend, batchDir, batchPoll, shard,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string id = parseResult.GetRequiredValue(benchmark);
                var errors = new List<DataError>();
                var endpoints = ScaleOutOptions.ParseEndpoints(parseResult.GetValue(endpoint), errors);
                var shardSpec = ScaleOutOptions.ParseShard(parseResult.GetValue(shard), errors, parseResult.InvocationConfiguration.Error);
                bool batch = parseResult.GetRequiredValue(backend) == "batch";

                int shots = parseResult.GetValue(fewShot);
                if (shots < 0 || parseResult.GetValue(concurrency) < 1 || parseResult.GetValue(limit) is < 1)
                {
                    errors.Add(new DataError(null, null, "--few-shot/--concurrency/--limit", "must be non-negative / positive"));
                }

                if (errors.Count > 0)
                {
                    throw new DataValidationException(errors);
                }

                var selection = await BenchmarkSelection.ResolveAsync(id, parseResult.GetValue(plan), parseResult.GetValue(problems), cancellationToken).ConfigureAwait(false);
                var all = await selection.Definition.ReadProblemsAsync(selection.Problems, cancellationToken).ConfigureAwait(false);
                BenchmarkProblem[] demonstrations;
                BenchmarkProblem[] evaluated;
                if (selection.Planned is { } planned)
                {
                    // The problems a run of the plan evaluates: its held-out demonstrations and its limit, unless --few-shot
                    // holds out more or --limit says otherwise.
                    demonstrations = planned.FewShotProblems is { } demoFile
                        ? (await selection.Definition.ReadProblemsAsync(demoFile, cancellationToken).ConfigureAwait(false)).Take(shots).ToArray()
                        : all.Take(shots).ToArray();
                    int heldOut = Math.Max(planned.HeldOut(selection.Plan!.Evaluation.BaseFewShot), planned.FewShotProblems is null ? shots : 0);
                    evaluated = planned.Evaluated(all, heldOut, parseResult.GetValue(limit));
                }
                else
                {
                    demonstrations = all.Take(shots).ToArray();
                    evaluated = all.Skip(shots).Take(parseResult.GetValue(limit) ?? int.MaxValue).ToArray();
                }

                evaluated = evaluated.Where((_, i) => shardSpec.Contains(i)).ToArray();
                string outPath = parseResult.GetRequiredValue(output);
                string predictionsPath = parseResult.GetValue(predictionsFile) ?? Path.ChangeExtension(outPath, ".predictions.jsonl");
                string? batchFolder = batch ? parseResult.GetValue(batchDir) ?? outPath + ".batch" : null;
                using var client = EndpointClients.Chat(endpoints, parseResult.GetRequiredValue(keyVariable), parseResult.GetRequiredValue(model), ModelRole.Student, parseResult.GetValue(concurrency), batchFolder, batchPoll: TimeSpan.FromSeconds(parseResult.GetValue(batchPoll)));
                // Problems answered by an earlier run of the same command count as done from the start.
                var run = await ItemProgress.RunAsync(parseResult.InvocationConfiguration.Error, $"evaluate {parseResult.GetRequiredValue(model)} on {id}", evaluated.Length, progress =>
                    AgoraBenchEvaluation.EvaluateAsync(
                        client,
                        selection.Definition,
                        evaluated,
                        predictionsPath,
                        demonstrations,
                        batch ? Math.Max(1, evaluated.Length) : parseResult.GetValue(concurrency) * Math.Max(1, endpoints.Count),
                        new CallbackProgress<int>(n => progress.Update(n)),
                        cancellationToken)).ConfigureAwait(false);
                await stdout.WriteLineAsync(run.Summary).ConfigureAwait(false);
                if (run.Failed.Count > 0)
                {
                    throw new DataValidationException($"{run.Failed.Count} problem(s) failed after retries (first: {string.Join(", ", run.Failed.Take(5))}); run the same command again to retry them.");
                }

                if (!shardSpec.IsWhole)
                {
                    await stdout.WriteLineAsync($"Shard {shardSpec}: merge the shards' predictions with 'agorabench merge --out ALL.jsonl --expect N FILE...', then grade them with 'agorabench grade'.").ConfigureAwait(false);
                    return;
                }

                if (!selection.IsChecked)
                {
                    await stdout.WriteLineAsync($"Judge the predictions with: agorabench judge --benchmark {id} ...").ConfigureAwait(false);
                    return;
                }

                var result = await selection.GradeAsync(evaluated, predictionsPath, passAtK: null, programTimeout: null, allowWeakSandbox: false, allowMissing: false, ignoreOtherPredictions: true, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(result.Summary).ConfigureAwait(false);
                await CommandRunner.WriteResultAsync(result.Json!, outPath, stdout, $"the {id} grades", cancellationToken).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }
}
