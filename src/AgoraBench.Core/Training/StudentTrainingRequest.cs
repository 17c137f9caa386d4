namespace AgoraBench;

/// <summary>What to train: a base model, the data, and how.</summary>
public sealed class StudentTrainingRequest
{
    /// <summary>Initializes a request.</summary>
    /// <param name="baseModel">The base model to fine-tune.</param>
    /// <param name="instances">The synthetic instances to train on.</param>
    /// <param name="hyperparameters">The recipe (the paper's by default).</param>
    /// <param name="seedInstances">Seed instances to add to the training data, or none.</param>
    /// <param name="runName">A name for the run (a job suffix, a folder name), or <see langword="null"/>.</param>
    /// <param name="workingDirectory">A directory the trainer may use for files and to re-attach after a restart, or <see langword="null"/>.</param>
    /// <param name="generator">The generator that produced <paramref name="instances"/>, or <see langword="null"/>.</param>
    public StudentTrainingRequest(string baseModel, IReadOnlyList<SyntheticInstance> instances, TrainingHyperparameters? hyperparameters = null, IReadOnlyList<SyntheticInstance>? seedInstances = null, string? runName = null, string? workingDirectory = null, string? generator = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseModel);
        ArgumentNullException.ThrowIfNull(instances);
        BaseModel = baseModel;
        Instances = instances;
        Hyperparameters = hyperparameters ?? new();
        SeedInstances = seedInstances ?? [];
        RunName = runName;
        WorkingDirectory = workingDirectory;
        Generator = generator;
    }

    internal StudentTrainingRequest()
    {
    }

    /// <summary>Gets the base model, for example <c>meta-llama/Llama-3.1-8B</c> or <c>gpt-4o-mini-2024-07-18</c>.</summary>
    public string BaseModel { get; internal init; } = string.Empty;

    /// <summary>Gets the generated training instances.</summary>
    public IReadOnlyList<SyntheticInstance> Instances { get; internal init; } = [];

    /// <summary>Gets the seed instances trained on as well (the paper does this for instance generation), or empty.</summary>
    public IReadOnlyList<SyntheticInstance> SeedInstances { get; internal init; } = [];

    /// <summary>Gets the hyperparameters; the defaults are the paper's.</summary>
    public TrainingHyperparameters Hyperparameters { get; internal init; } = new();

    /// <summary>Gets a short name for the run (a job suffix, an output folder name), or <see langword="null"/> to derive one.</summary>
    public string? RunName { get; internal init; }

    /// <summary>
    /// Gets the folder the trainer keeps its files in (exported data, logs, the state that lets a restarted run re-attach
    /// to a running job), or <see langword="null"/> for a fresh temporary folder.
    /// </summary>
    public string? WorkingDirectory { get; internal init; }

    /// <summary>Gets the setting the data comes from, if known (recorded with the student).</summary>
    internal AgoraBenchSetting? Setting { get; init; }

    /// <summary>Gets the generator that produced the data, if known (recorded with the student).</summary>
    public string? Generator { get; internal init; }
}
