using System.Globalization;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// Trains one student with the plan's trainer and writes its <c>student.json</c>; a rerun of an interrupted step reuses
/// the training folder (an OpenAI job is re-attached). With <c>training.repeats</c> a cell has one step per training
/// run, each with its own seed (the plan's seed + repeat − 1), run name (<c>-r2</c>, …), folder and student file.
/// </summary>
internal sealed class TrainStep(RunStepInfo info, GenerateStep generate, ExportStep export, int repeat = 1) : RunStep(info, [generate, export])
{
    public GenerateStep Generate { get; } = generate;

    /// <summary>Which training run of the cell this is, from 1.</summary>
    public int Repeat { get; } = repeat;

    public override bool Resumable => true;

    public string RunName => RunDirectory.Slug(Generate.Generator.Name) + "-" + AgoraBenchNames.ToName(Generate.Setting.Method) + "-" + AgoraBenchNames.ToName(Generate.Setting.Domain) + (Repeat == 1 ? string.Empty : $"-r{Repeat}");

    /// <summary>The training seed of this run: the plan's for the first, then one more for each further repeat.</summary>
    public int Seed(RunContext context) => unchecked(context.Plan.Training.Hyperparameters.Seed + Repeat - 1);

    public string StudentPath(RunContext context) => context.Directory.Student(Generate.Generator.Name, Generate.Setting, Repeat);

    public override IReadOnlyList<string> Outputs(RunContext context) => [StudentPath(context)];

    public override IReadOnlyList<string> Artefacts(RunContext context) => [StudentPath(context), context.Directory.Training(Generate.Generator.Name, Generate.Setting, Repeat)];

    public override Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken)
    {
        var t = context.Plan.Training;
        var h = t.Hyperparameters;
        var config = new JsonObject
        {
            ["trainer"] = context.Options.Trainer?.Name ?? t.Trainer,
            ["base_model"] = t.BaseModel,
            ["command"] = t.Command,
            ["format"] = SftExporter.ToName(t.Format),
            ["epochs"] = h.Epochs,
            ["learning_rate"] = h.LearningRate,
            ["batch_size"] = h.BatchSize,
            ["gradient_accumulation_steps"] = h.GradientAccumulationSteps,
            ["max_sequence_length"] = h.MaxSequenceLength,
            ["seed"] = Seed(context),
            ["learning_rate_multiplier"] = h.LearningRateMultiplier,
            ["environment"] = new JsonObject([.. t.Environment.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
        };
        if (Repeat > 1)
        {
            config["repeat"] = Repeat;
        }

        if (t.Trainer == "precomputed" && t.Students.TryGetValue(Generate.Generator.Name, out var files) && files.TryGetValue(Generate.Setting.Key, out string? file))
        {
            config["student_file"] = file;
        }

        return Task.FromResult(config);
    }

    // The training folder holds a job's state (re-attachment) and the command's logs; only a changed recipe starts it afresh.
    public override void Discard(RunContext context)
    {
        DeleteIfExists(StudentPath(context));
        string folder = context.Directory.Training(Generate.Generator.Name, Generate.Setting, Repeat);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public override async Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var plan = context.Plan;
        var setting = Generate.Setting;
        var trainer = await CreateTrainerAsync(context, cancellationToken).ConfigureAwait(false);
        var instances = await SyntheticDataset.ReadAsync(context.Directory.Data(Generate.Generator.Name, setting), cancellationToken: cancellationToken).ConfigureAwait(false);
        var seeds = setting.TrainsOnSeedData ? await context.SeedsAsync(setting, cancellationToken).ConfigureAwait(false) : [];
        var request = new StudentTrainingRequest
        {
            BaseModel = plan.Training.BaseModel,
            Instances = instances,
            SeedInstances = seeds,
            Hyperparameters = plan.Training.Hyperparameters.WithSeed(Seed(context)),
            RunName = RunName,
            WorkingDirectory = context.Directory.Training(Generate.Generator.Name, setting, Repeat),
            Setting = setting,
            Generator = Generate.Generator.Name,
        };
        TrainedStudent student;
        Directory.CreateDirectory(request.WorkingDirectory);
        using var log = new StreamWriter(Path.Combine(request.WorkingDirectory, "progress.log"), append: true) { AutoFlush = true };
        var logGate = new Lock();
        using var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.TrainingSpan);
        activity?.SetTag(AgoraBenchTelemetry.RequestModelAttribute, request.BaseModel);
        activity?.SetTag(AgoraBenchTelemetry.ItemsAttribute, instances.Count + seeds.Count);
        try
        {
            student = await trainer.TrainAsync(
                request,
                new SynchronousProgress<TrainingProgress>(p =>
                {
                    string line = context.Redactor.Redact($"[{p.Stage}] {p.Message}");
                    lock (logGate)
                    {
                        log.WriteLine(line);
                    }

                    progress?.Report(Progress(message: line));
                }),
                cancellationToken).ConfigureAwait(false);
        }
        catch (StudentTrainingException ex)
        {
            Telemetry.Fail(activity, nameof(StudentTrainingException), null);
            throw new RunStepException("training failed: " + ex.Message, ex);
        }

        activity?.SetTag(AgoraBenchTelemetry.StudentModelAttribute, student.ModelId);

        context.Redactor.AddVariable(student.ApiKeyEnvironmentVariable);
        bool servedByTrainer = context.Options.Trainer is null && context.Options.TrainerProvider(plan.Training.Trainer) is { ServesStudents: true };
        if (student.Endpoint is null && !servedByTrainer)
        {
            throw new RunStepException($"the trainer returned {student.ModelId} without an endpoint{(student.ModelPath is null ? string.Empty : $" (weights at {student.ModelPath})")}; serve the student (for example with vLLM) and return its endpoint in result.json, so it can be evaluated.");
        }

        if (student.Endpoint?.OriginalString is { } served && context.Redactor.Redact(served) != served)
        {
            // student.json must hold no secret, and an endpoint is useless once masked: the key travels by variable name.
            throw new RunStepException($"the trainer returned an endpoint for {student.ModelId} with a credential in its URL ({context.Redactor.Redact(served)}); return the endpoint without it and name the variable that holds the key as api_key_env in result.json.");
        }

        await TrainedStudentFile.WriteAsync(StudentPath(context), student, cancellationToken).ConfigureAwait(false);
        var summary = new JsonObject { ["model_id"] = student.ModelId, ["trainer"] = student.Trainer, ["examples"] = instances.Count + seeds.Count };
        foreach (var (name, value) in student.Metrics.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            summary["metric." + name] = value;
        }

        return summary;
    }

    private async Task<IStudentTrainer> CreateTrainerAsync(RunContext context, CancellationToken cancellationToken)
    {
        var t = context.Plan.Training;
        if (context.Options.Trainer is { } host)
        {
            return host;
        }

        if (context.Options.TrainerFactory?.Invoke(t) is { } made)
        {
            return made;
        }

        if (context.Options.TrainerProvider(t.Trainer) is { } provider)
        {
            return provider.Create(t);
        }

        switch (t.Trainer)
        {
            case "command":
                // The command runs from the plan's folder, so a plan's "bash train.sh …" finds the script beside it.
                var options = new CommandStudentTrainerOptions
                {
                    CommandTemplate = t.Command!,
                    Format = t.Format,
                    Timeout = t.Timeout,
                    WorkingDirectory = context.Plan.SourcePath is { } source ? Path.GetDirectoryName(Path.GetFullPath(source)) : null,
                };
                foreach (var (name, value) in t.Environment)
                {
                    options.Environment[name] = value;
                }

                return new CommandStudentTrainer(options);
            case "precomputed":
                string file = t.Students[Generate.Generator.Name][Generate.Setting.Key];
                var student = await TrainedStudentFile.ReadAsync(file, cancellationToken: cancellationToken).ConfigureAwait(false);
                return new PrecomputedStudentTrainer(new Dictionary<string, TrainedStudent> { [RunName] = student });
            default:
                throw new RunStepException(string.Create(CultureInfo.InvariantCulture, $"no trainer named '{t.Trainer}' is available here; registered: {string.Join(", ", PlanValidator.BuiltInTrainers.Concat(context.Options.RegisteredTrainerNames))} (a provider package registers its own trainer, a host adds one with AddStudentTrainerProvider or UseStudentTrainer)."));
        }
    }
}
