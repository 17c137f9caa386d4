using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace AgoraBench;

/// <summary>
/// Runs an AGORABENCH plan end to end — generate → intrinsic metrics → SFT export → train → evaluate (the base and
/// reference models once, every student on its domain's benchmarks) → PGR → analysis → report — in a run folder that
/// holds every artefact and a <c>manifest.json</c>.
/// </summary>
/// <remarks>
/// <para>
/// Every step is idempotent and resumable. A step's fingerprint covers its configuration and the recorded outputs of
/// the steps it reads; a rerun skips a step whose fingerprint and outputs are unchanged, resumes one that was
/// interrupted (generation continues its run store, evaluation its predictions, training its job), and reruns one
/// whose inputs changed. Generation never overwrites paid-for data: if its settings change, the step fails and says so.
/// </para>
/// <para>
/// A failed step is recorded with its reason; independent steps go on and its dependants wait (set
/// <see cref="AgoraBenchRunnerOptions.FailFast"/> to stop at once). PGR, analysis and the report use whatever cells
/// are complete. Nothing the runner writes contains an API key: endpoints name the environment variable that holds it.
/// Only one run may use a folder at a time. Instances are not thread-safe; run one plan at a time per runner.
/// </para>
/// </remarks>
public sealed partial class AgoraBenchRunner
{
    private readonly AgoraBenchPlan _plan;
    private readonly RunDirectory _directory;
    private readonly AgoraBenchRunnerOptions _options;
    private readonly IReadOnlyList<RunStep> _steps;

    /// <summary>Initializes a new instance of the <see cref="AgoraBenchRunner"/> class.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="runDirectory">The run folder (created when missing).</param>
    /// <param name="options">The clients, trainers and scheduling options.</param>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    /// <exception cref="DataValidationException">The plan is invalid; every problem is listed.</exception>
    public AgoraBenchRunner(AgoraBenchPlan plan, string runDirectory, AgoraBenchRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        ArgumentNullException.ThrowIfNull(options);
        OptionErrors.ThrowIfAny(options.Validate(), "runner options", nameof(options));
        var problems = PlanValidator.Validate(plan, options.Trainer is { } trainer ? [.. options.RegisteredTrainerNames, trainer.Name, plan.Training.Trainer] : [.. options.RegisteredTrainerNames], options.Graders, options.Benchmarks);
        if (problems.Count > 0)
        {
            throw new DataValidationException(problems);
        }

        _plan = plan;
        _directory = new RunDirectory(runDirectory);
        _options = options;
        _steps = StepGraph.Build(plan, plan.Metrics.Names.Count > 0 || options.AdditionalMetrics.Count > 0);
    }

    /// <summary>Gets the run folder.</summary>
    public string RunDirectory => _directory.Root;

    /// <summary>Gets the options this runner was built with.</summary>
    internal AgoraBenchRunnerOptions Options => _options;

    /// <summary>Gets the plan's steps in the order they run (their status is not read; see <see cref="InspectAsync"/>).</summary>
    public IReadOnlyList<RunStepInfo> Steps => [.. _steps.Select(s => s.Info)];

    /// <summary>Reads the run folder and tells each step's state without running anything (a dry run).</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Every step with its status: done, stale, interrupted, failed or pending.</returns>
    public async Task<IReadOnlyList<RunStepInfo>> InspectAsync(CancellationToken cancellationToken = default)
    {
        var context = new RunContext(_plan, _directory, _options);
        await using (context.ConfigureAwait(false))
        {
            var result = new List<RunStepInfo>();
            foreach (var step in _steps)
            {
                var (status, _, message) = await AssessAsync(context, step, cancellationToken).ConfigureAwait(false);
                context.Statuses[step.Info.Id] = status;
                result.Add(step.Info.With(status, message, [.. step.Outputs(context).Select(_directory.Relative)]));
            }

            return result;
        }
    }

    /// <summary>Runs the plan's steps of the given stages (all by default), skipping what is already done.</summary>
    /// <param name="stages">The stages to run, or <see langword="null"/> for all; steps of other stages are left as they are.</param>
    /// <param name="progress">Receives step starts, progress, ends and skips, or <see langword="null"/>. Reports may come from several threads.</param>
    /// <param name="cancellationToken">Stops the run; finished work is kept and an interrupted step resumes on the next run.</param>
    /// <returns>Every step's state, the leaderboard and the analysis when those stages are done.</returns>
    /// <exception cref="DataValidationException">Another run is using the folder.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public async Task<RunResult> RunAsync(IEnumerable<RunStage>? stages = null, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var selected = (stages ?? RunStages.All).Distinct().Order().ToArray();
        var inShard = StepGraph.InShard(_steps, _options.Shard);
        Directory.CreateDirectory(_directory.Root);
        using var runLock = Lock();
        var context = new RunContext(_plan, _directory, _options);
        using var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.RunSpan);
        activity?.SetTag(AgoraBenchTelemetry.ItemsAttribute, _steps.Count);
        await using (context.ConfigureAwait(false))
        {
            var manifest = new RunManifest(context);
            await manifest.WriteAsync(_steps, cancellationToken).ConfigureAwait(false);
            await CopyPlanAsync(context, cancellationToken).ConfigureAwait(false);
            using var log = new RunLog(_directory.Log, context);
            var infos = new Dictionary<string, RunStepInfo>(StringComparer.Ordinal);
            bool stop = false;
            try
            {
                foreach (var stage in RunStages.All)
                {
                    var stageSteps = _steps.Where(s => s.Info.Stage == stage).ToArray();
                    using var gate = new SemaphoreSlim(_options.MaxParallelSteps);
                    var tasks = stageSteps.Select(async step =>
                    {
                        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                        try
                        {
                            var info = stop ? await SkipAsync(context, step, cancellationToken).ConfigureAwait(false)
                                : await RunStepAsync(context, step, selected.Contains(stage) && inShard.Contains(step.Info.Id), progress, log, cancellationToken).ConfigureAwait(false);
                            lock (infos)
                            {
                                infos[step.Info.Id] = info;
                            }

                            if (info.Status == RunStepStatus.Failed && _options.FailFast && selected.Contains(stage))
                            {
                                stop = true;
                            }
                        }
                        finally
                        {
                            gate.Release();
                        }
                    });
                    await Task.WhenAll(tasks).ConfigureAwait(false);
                    if (stageSteps.Length > 0 && selected.Contains(stage))
                    {
                        await manifest.WriteAsync(_steps, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                await manifest.WriteAsync(_steps, CancellationToken.None).ConfigureAwait(false);
            }

            var steps = _steps.Select(s => infos[s.Info.Id]).ToArray();
            bool pgrDone = context.Statuses.GetValueOrDefault("pgr") == RunStepStatus.Done;
            bool reportDone = context.Statuses.GetValueOrDefault("report") == RunStepStatus.Done;

            // What the PGR and report steps wrote, read back typed: nothing is computed twice.
            var results = reportDone ? await ReportStep.ReadResultsAsync(context, cancellationToken).ConfigureAwait(false) : null;
            return new RunResult
            {
                RunDirectory = _directory.Root,
                Steps = steps,
                Stages = selected,
                Requested = steps.Where(s => selected.Contains(s.Stage) && inShard.Contains(s.Id)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal),
                Leaderboard = pgrDone ? await PgrStep.ReadAsync(context, cancellationToken).ConfigureAwait(false) : null,
                Findings = results?.Findings ?? [],
                AnalysisDiagnostics = results?.Diagnostics ?? [],
                ReportDirectory = reportDone ? _directory.Report : null,
                Costs = context.Statuses.GetValueOrDefault("analyze") == RunStepStatus.Done ? AnalyzeStep.ReadCosts(context) : [],
            };
        }
    }

    private static async Task<RunStepInfo> SkipAsync(RunContext context, RunStep step, CancellationToken cancellationToken)
    {
        var (status, _, message) = await AssessAsync(context, step, cancellationToken).ConfigureAwait(false);
        context.Statuses[step.Info.Id] = status;
        return step.Info.With(status, message ?? "not run: an earlier step failed (fail-fast)");
    }

    private async Task<RunStepInfo> RunStepAsync(RunContext context, RunStep step, bool selected, IProgress<RunProgress>? progress, RunLog log, CancellationToken cancellationToken)
    {
        var (status, fingerprint, message) = await AssessAsync(context, step, cancellationToken).ConfigureAwait(false);
        var outputs = step.Outputs(context).Select(_directory.Relative).ToArray();
        RunStepInfo Info(RunStepStatus s, string? m) => step.Info.With(s, m, outputs);
        if (!selected || status is RunStepStatus.Done or RunStepStatus.Blocked)
        {
            context.Statuses[step.Info.Id] = status;
            var skipped = Info(status, message);
            if (selected)
            {
                progress?.Report(new RunProgress(skipped, message: message));
            }

            return skipped;
        }

        var record = context.Records.Load(step.Info.Id);
        if (record is not null && record.Fingerprint != fingerprint)
        {
            if (step.RefuseRestart(context) is { } refusal)
            {
                context.Statuses[step.Info.Id] = RunStepStatus.Failed;
                await log.WriteAsync(step, "failed", refusal).ConfigureAwait(false);
                var refused = Info(RunStepStatus.Failed, refusal);
                progress?.Report(new RunProgress(refused, message: refusal));
                return refused;
            }
        }

        bool discard = record is not null && (record.Fingerprint != fingerprint || (record.Status != StepRecord.Done && !step.Resumable));
        using var activity = StartStepActivity(step.Info);
        long startedTicks = context.Time.GetTimestamp();
        var started = context.Time.GetUtcNow();
        await context.Records.WriteAsync(new StepRecord { Id = step.Info.Id, Status = StepRecord.Started, Fingerprint = fingerprint!, StartedAt = started }, cancellationToken).ConfigureAwait(false);
        context.Statuses[step.Info.Id] = RunStepStatus.Running;
        await log.WriteAsync(step, "started", null).ConfigureAwait(false);
        progress?.Report(new RunProgress(Info(RunStepStatus.Running, null)));
        try
        {
            if (discard)
            {
                step.Discard(context);
            }

            var summary = await step.ExecuteAsync(context, progress, cancellationToken).ConfigureAwait(false);
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string file in step.Outputs(context))
            {
                hashes[_directory.Relative(file)] = await Hashing.Sha256FileAsync(file, cancellationToken).ConfigureAwait(false);
            }

            await context.Records.WriteAsync(
                new StepRecord { Id = step.Info.Id, Status = StepRecord.Done, Fingerprint = fingerprint!, Outputs = hashes, StartedAt = started, FinishedAt = context.Time.GetUtcNow(), Summary = summary },
                CancellationToken.None).ConfigureAwait(false);
            context.Statuses[step.Info.Id] = RunStepStatus.Done;
            string note = Describe(summary);
            await log.WriteAsync(step, "done", note).ConfigureAwait(false);
            var done = Info(RunStepStatus.Done, note);
            progress?.Report(new RunProgress(done, message: note));
            StepEnded(activity, step.Info, "done", context.Time.GetElapsedTime(startedTicks), null);
            return done;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string reason = context.Redactor.Redact(ex is RunStepException or DataValidationException or StudentTrainingException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
            Log.StepFailed(context.Logger, step.Info.Id, reason);
            await context.Records.WriteAsync(
                new StepRecord { Id = step.Info.Id, Status = StepRecord.Failed, Fingerprint = fingerprint!, StartedAt = started, FinishedAt = context.Time.GetUtcNow(), Message = reason },
                CancellationToken.None).ConfigureAwait(false);
            context.Statuses[step.Info.Id] = RunStepStatus.Failed;
            await log.WriteAsync(step, "failed", reason).ConfigureAwait(false);
            var failed = Info(RunStepStatus.Failed, reason);
            progress?.Report(new RunProgress(failed, message: reason));
            StepEnded(activity, step.Info, "failed", context.Time.GetElapsedTime(startedTicks), reason);
            return failed;
        }
        catch (OperationCanceledException)
        {
            StepEnded(activity, step.Info, "cancelled", context.Time.GetElapsedTime(startedTicks), null);
            throw;
        }
    }

    /// <summary>The span of a step that executes, with what identifies it (names from the plan, never a key or an endpoint).</summary>
    private static System.Diagnostics.Activity? StartStepActivity(RunStepInfo info)
    {
        var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.StepSpan);
        if (activity is null)
        {
            return null;
        }

        activity.DisplayName = AgoraBenchTelemetry.StepSpan + " " + info.Id;
        activity.SetTag(AgoraBenchTelemetry.StepIdAttribute, info.Id);
        activity.SetTag(AgoraBenchTelemetry.StageAttribute, RunStages.ToName(info.Stage));
        activity.SetTag(AgoraBenchTelemetry.SettingAttribute, info.Setting?.Key);
        activity.SetTag(AgoraBenchTelemetry.GeneratorAttribute, info.Generator);
        activity.SetTag(AgoraBenchTelemetry.BenchmarkAttribute, info.Benchmark);
        return activity;
    }

    private static void StepEnded(System.Diagnostics.Activity? activity, RunStepInfo info, string outcome, TimeSpan elapsed, string? redactedReason)
    {
        if (activity is not null)
        {
            activity.SetTag(AgoraBenchTelemetry.OutcomeAttribute, outcome);
            if (redactedReason is not null)
            {
                Telemetry.Fail(activity, "step_failed", redactedReason);
            }
        }

        if (Telemetry.StepDuration.Enabled)
        {
            Telemetry.StepDuration.Record(elapsed.TotalSeconds, new(AgoraBenchTelemetry.StageAttribute, RunStages.ToName(info.Stage)), new(AgoraBenchTelemetry.OutcomeAttribute, outcome));
        }
    }

    /// <summary>The state of a step from its record, its fingerprint now, and its upstream steps' states.</summary>
    private static async Task<(RunStepStatus Status, string? Fingerprint, string? Message)> AssessAsync(RunContext context, RunStep step, CancellationToken cancellationToken)
    {
        var upstream = step.Upstream.Select(u => (Step: u, Status: context.StatusOf(u))).ToArray();
        var waiting = step.PartialUpstream
            ? upstream.FirstOrDefault(u => u.Status != RunStepStatus.Done && !Dead(context, u.Step))
            : upstream.FirstOrDefault(u => u.Status != RunStepStatus.Done);
        if (waiting.Step is not null)
        {
            return (RunStepStatus.Blocked, null, $"waiting for {waiting.Step.Info.Id} ({waiting.Status.ToString().ToLowerInvariant()})");
        }

        if (step.PartialUpstream && upstream.Length > 0 && upstream.All(u => u.Status != RunStepStatus.Done))
        {
            return (RunStepStatus.Blocked, null, "waiting: every step it reads has failed");
        }

        string fingerprint = await FingerprintAsync(context, step, cancellationToken).ConfigureAwait(false);
        var record = context.Records.Load(step.Info.Id);
        if (record is null)
        {
            return (RunStepStatus.Pending, fingerprint, null);
        }

        if (record.Fingerprint != fingerprint)
        {
            return (RunStepStatus.Stale, fingerprint, "its inputs changed since it ran");
        }

        switch (record.Status)
        {
            case StepRecord.Started:
                return (RunStepStatus.Interrupted, fingerprint, "interrupted; it resumes");
            case StepRecord.Failed:
                return (RunStepStatus.Failed, fingerprint, record.Message);
        }

        foreach (var (path, hash) in record.Outputs)
        {
            string file = context.Directory.Absolute(path);
            if (!File.Exists(file) || await context.FileHashAsync(file, cancellationToken).ConfigureAwait(false) != hash)
            {
                return (RunStepStatus.Stale, fingerprint, $"{path} is missing or was changed");
            }
        }

        return (RunStepStatus.Done, fingerprint, "up to date");
    }

    /// <summary>Whether a step cannot finish in this run: it failed, or it waits for a step that cannot.</summary>
    private static bool Dead(RunContext context, RunStep step) => context.StatusOf(step) switch
    {
        RunStepStatus.Failed => true,
        RunStepStatus.Blocked => step.Upstream.Any(u => context.StatusOf(u) != RunStepStatus.Done && Dead(context, u)),
        _ => false,
    };

    private static async Task<string> FingerprintAsync(RunContext context, RunStep step, CancellationToken cancellationToken)
    {
        var inputs = new JsonObject();
        foreach (var upstream in step.Upstream.Where(u => context.StatusOf(u) == RunStepStatus.Done))
        {
            var outputs = new JsonObject();
            foreach (var (path, hash) in context.Records.Load(upstream.Info.Id)?.Outputs.OrderBy(p => p.Key, StringComparer.Ordinal) ?? Enumerable.Empty<KeyValuePair<string, string>>())
            {
                outputs[path] = hash;
            }

            inputs[upstream.Info.Id] = outputs;
        }

        var material = new JsonObject
        {
            ["step"] = step.Info.Id,
            ["configuration"] = await step.ConfigurationAsync(context, cancellationToken).ConfigureAwait(false),
            ["inputs"] = inputs,
        };
        return Hashing.Sha256(material.ToJsonString());
    }

    private static string Describe(JsonObject summary) =>
        string.Join(", ", summary.Where(p => p.Value is JsonValue).Take(6).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value!.ToJsonString().Trim('"')}")));

    private FileStream Lock()
    {
        string path = Path.Combine(_directory.Root, "run.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException ex)
        {
            throw new DataValidationException($"Another agorabench run is using {_directory.Root}; wait for it to finish or choose another run folder.", ex);
        }
    }

    private async Task CopyPlanAsync(RunContext context, CancellationToken cancellationToken)
    {
        if (_plan.SourcePath is { } source && File.Exists(source))
        {
            // The copy is for reading later; keys in URLs or in training.environment never reach it.
            string text = context.Redactor.Redact(await File.ReadAllTextAsync(source, cancellationToken).ConfigureAwait(false));
            await AtomicFile.WriteAllTextAsync(_directory.PlanCopy, text, cancellationToken).ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Step {Step} failed: {Reason}")]
        public static partial void StepFailed(ILogger logger, string step, string reason);
    }
}
