using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>
/// One unit of a run's work with declared inputs and outputs. Its fingerprint covers its configuration and the
/// recorded outputs of the steps it depends on, so a step reruns exactly when something it reads has changed.
/// </summary>
internal abstract class RunStep(RunStepInfo info, IReadOnlyList<RunStep> upstream)
{
    public RunStepInfo Info { get; } = info;

    public IReadOnlyList<RunStep> Upstream { get; } = upstream;

    /// <summary>Gets the group the step is sharded with (a cell, a benchmark's baselines, a generator's benchmark), or <see langword="null"/> for study-wide steps.</summary>
    public string? ShardGroup { get; init; }

    /// <summary>The files a step leaves besides its outputs, which travel with it when shards are merged (logs, predictions, a trainer's folder).</summary>
    public virtual IReadOnlyList<string> Artefacts(RunContext context) => Outputs(context);

    /// <summary>Gets a value indicating whether the step may run with some upstream steps failed (study-wide steps use what is done).</summary>
    public virtual bool PartialUpstream => false;

    /// <summary>Gets a value indicating whether an interrupted run of the same fingerprint keeps its partial work (appended data, predictions, a training job).</summary>
    public virtual bool Resumable => false;

    /// <summary>The output files whose hashes are recorded.</summary>
    public abstract IReadOnlyList<string> Outputs(RunContext context);

    /// <summary>The step's own configuration (everything that changes its outputs), canonical JSON.</summary>
    public abstract Task<JsonObject> ConfigurationAsync(RunContext context, CancellationToken cancellationToken);

    /// <summary>Does the work; returns a summary recorded with the step.</summary>
    public abstract Task<JsonObject> ExecuteAsync(RunContext context, IProgress<RunProgress>? progress, CancellationToken cancellationToken);

    /// <summary>Why a step whose inputs changed since it started must not run again over its outputs, or <see langword="null"/> when it may (its partial outputs are then removed).</summary>
    public virtual string? RefuseRestart(RunContext context) => null;

    /// <summary>Removes partial outputs before a fresh start.</summary>
    public virtual void Discard(RunContext context)
    {
        foreach (string file in Outputs(context))
        {
            DeleteIfExists(file);
        }
    }

    /// <summary>Removes a file; a file or folder that was never made (a step that failed before writing) is not an error.</summary>
    protected static void DeleteIfExists(string file)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    protected RunProgress Progress(int? completed = null, int? total = null, string? message = null) =>
        new(Info.With(RunStepStatus.Running, Info.Message), completed, total, message);
}
