using System.CommandLine;
using System.Globalization;
using AgoraBench.OpenAI;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench train</c>: train a student with a fine-tuning API or an external command.</summary>
internal static class TrainCommand
{
    // Library option names that differ from the command's.
    private static readonly Dictionary<string, string> OptionAliases = new(StringComparer.Ordinal)
    {
        ["CommandTemplate"] = "--command",
        ["GradientAccumulationSteps"] = "--gradient-accumulation",
        ["MaxSequenceLength"] = "--max-seq-length",
        ["LearningRateMultiplier"] = "--lr-multiplier",
    };

    public static Command Create()
    {
        var trainer = new Option<string>("--trainer") { Description = "openai (fine-tuning API), command (an external training command) or precomputed (a student trained elsewhere).", Required = true, HelpName = "openai|command|precomputed" }
            .AcceptOnlyFromAmong("openai", "command", "precomputed");
        var data = new Option<string>("--data") { Description = "The generated dataset to train on.", Required = true, HelpName = "FILE" };
        var seed = new Option<string?>("--seed-data") { Description = "Seed instances to train on as well (instance generation).", HelpName = "FILE" };
        var baseModel = new Option<string>("--base-model") { Description = "The base model, e.g. meta-llama/Llama-3.1-8B or gpt-4o-mini-2024-07-18.", Required = true, HelpName = "MODEL" };
        var endpoint = new Option<string?>("--endpoint") { Description = "openai: an OpenAI-compatible base URL ending in /v1 (default https://api.openai.com/v1).", HelpName = "URL" };
        var apiKeyEnv = new Option<string>("--api-key-env") { Description = "openai: the environment variable holding the API key (never pass a key itself).", DefaultValueFactory = _ => "OPENAI_API_KEY", HelpName = "VAR" };
        var template = new Option<string?>("--command") { Description = "command: the training command with placeholders {data} {output_dir} {base_model} {epochs} {learning_rate} {batch_size} {gradient_accumulation} {max_seq_length} {seed} {run_name} {format} {work_dir}; it writes {output_dir}/result.json.", HelpName = "TEMPLATE" };
        var format = new Option<string>("--format") { Description = "command: the exported data format.", DefaultValueFactory = _ => "prompt-completion", HelpName = "FORMAT" }
            .AcceptOnlyFromAmong("openai-chat", "messages", "prompt-completion", "llama3");
        var timeout = new Option<double?>("--timeout") { Description = "command: minutes before the command and its child processes are killed.", HelpName = "MIN" };
        var student = new Option<string?>("--student") { Description = "precomputed: a student.json describing the trained model.", HelpName = "FILE" };
        var workDir = new Option<string?>("--work-dir") { Description = "Folder for exported data, logs and job state (re-running with the same folder re-attaches to a running OpenAI job).", HelpName = "DIR" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs (paper: 5).", DefaultValueFactory = _ => 5 };
        var learningRate = new Option<double>("--learning-rate") { Description = "Learning rate (paper: 1e-5).", DefaultValueFactory = _ => 1e-5 };
        var batchSize = new Option<int>("--batch-size") { Description = "Per-device batch size (paper: 4).", DefaultValueFactory = _ => 4 };
        var accumulation = new Option<int>("--gradient-accumulation") { Description = "Gradient accumulation steps (paper: 8).", DefaultValueFactory = _ => 8 };
        var maxLength = new Option<int>("--max-seq-length") { Description = "Maximum sequence length (paper: 4096).", DefaultValueFactory = _ => 4096 };
        var multiplier = new Option<double?>("--lr-multiplier") { Description = "openai: learning-rate multiplier (default: the provider's)." };
        var runName = new Option<string?>("--run-name") { Description = "A name for the run (job suffix, output folder).", HelpName = "NAME" };
        var output = new Option<string>("--out") { Description = "Where to write student.json.", Required = true, HelpName = "FILE" };

        var command = new Command(
            "train",
            "Train a student on a generated dataset and write student.json (model id, endpoint or weights path, metrics; never a key).\n\n"
            + "Examples:\n"
            + "  agorabench train --trainer openai --data gen.jsonl --base-model gpt-4o-mini-2024-07-18 --out student.json\n"
            + "  agorabench train --trainer command --data gen.jsonl --base-model meta-llama/Llama-3.1-8B \\\n"
            + "    --command \"accelerate launch samples/training/train_sft.py --data {data} --output-dir {output_dir} --model {base_model}\" --out student.json")
        {
            trainer, data, seed, baseModel, endpoint, apiKeyEnv, template, format, timeout, student, workDir,
            epochs, learningRate, batchSize, accumulation, maxLength, multiplier, runName, output,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                string kind = parseResult.GetRequiredValue(trainer);
                var problems = new List<DataError>();
                if (kind == "command" && string.IsNullOrWhiteSpace(parseResult.GetValue(template)))
                {
                    problems.Add(new DataError(null, null, "--command", "is required with --trainer command"));
                }

                if (kind == "precomputed" && string.IsNullOrWhiteSpace(parseResult.GetValue(student)))
                {
                    problems.Add(new DataError(null, null, "--student", "is required with --trainer precomputed"));
                }

                Uri? endpointUri = null;
                if (parseResult.GetValue(endpoint) is { } endpointText && !Uri.TryCreate(endpointText, UriKind.Absolute, out endpointUri))
                {
                    problems.Add(new DataError(null, null, "--endpoint", $"'{endpointText}' is not an absolute URL"));
                }

                var hyperparameters = new TrainingHyperparameters(
                    epochs: parseResult.GetValue(epochs),
                    learningRate: parseResult.GetValue(learningRate),
                    batchSize: parseResult.GetValue(batchSize),
                    gradientAccumulationSteps: parseResult.GetValue(accumulation),
                    maxSequenceLength: parseResult.GetValue(maxLength),
                    learningRateMultiplier: parseResult.GetValue(multiplier));
                problems.AddRange(OptionNames.ToErrors(parseResult.CommandResult.Command, hyperparameters.Validate(), OptionAliases));
                var commandOptions = kind == "command" ? new CommandStudentTrainerOptions
                {
                    CommandTemplate = parseResult.GetValue(template) ?? string.Empty,
                    Format = SftExporter.TryParseFormat(parseResult.GetRequiredValue(format), out var parsed) ? parsed : SftFormat.PromptCompletion,
                    Timeout = parseResult.GetValue(timeout) is double minutes ? TimeSpan.FromMinutes(minutes) : null,
                } : null;
                if (commandOptions is not null && !string.IsNullOrWhiteSpace(commandOptions.CommandTemplate))
                {
                    problems.AddRange(OptionNames.ToErrors(parseResult.CommandResult.Command, commandOptions.Validate(), OptionAliases));
                }

                if (problems.Count > 0)
                {
                    throw new DataValidationException(problems);
                }

                IStudentTrainer studentTrainer;
                switch (kind)
                {
                    case "openai":
                        studentTrainer = new OpenAIFineTuningTrainer(new OpenAIFineTuningTrainerOptions { Endpoint = endpointUri, ApiKeyEnvironmentVariable = parseResult.GetRequiredValue(apiKeyEnv) });
                        break;
                    case "command":
                        studentTrainer = new CommandStudentTrainer(commandOptions!);
                        break;
                    default:
                        var known = await TrainedStudentFile.ReadAsync(parseResult.GetValue(student)!, cancellationToken: cancellationToken).ConfigureAwait(false);
                        studentTrainer = new PrecomputedStudentTrainer(new Dictionary<string, TrainedStudent> { ["*"] = known });
                        break;
                }

                var request = new StudentTrainingRequest(
                    parseResult.GetRequiredValue(baseModel),
                    await SyntheticDataset.ReadAsync(parseResult.GetRequiredValue(data), cancellationToken: cancellationToken).ConfigureAwait(false),
                    hyperparameters,
                    seedInstances: parseResult.GetValue(seed) is { } s ? await SyntheticDataset.ReadAsync(s, cancellationToken: cancellationToken).ConfigureAwait(false) : [],
                    runName: kind == "precomputed" ? "*" : parseResult.GetValue(runName),
                    workingDirectory: parseResult.GetValue(workDir));

                var progress = new LineProgress(stdout);
                TrainedStudent trained;
                try
                {
                    trained = await studentTrainer.TrainAsync(request, progress, cancellationToken).ConfigureAwait(false);
                }
                catch (StudentTrainingException ex)
                {
                    throw new DataValidationException("training failed: " + ex.Message, ex);
                }

                string path = parseResult.GetRequiredValue(output);
                await TrainedStudentFile.WriteAsync(path, trained, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Trained {trained.ModelId} ({trained.Trainer}); wrote {path}")).ConfigureAwait(false);
            },
            cancellationToken));
        return command;
    }

    private sealed class LineProgress(TextWriter output) : IProgress<TrainingProgress>
    {
        private readonly object _gate = new();

        public void Report(TrainingProgress value)
        {
            lock (_gate)
            {
                output.WriteLine($"[{value.Stage}] {value.Message}");
            }
        }
    }
}
