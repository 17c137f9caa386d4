namespace AgoraBench;

/// <summary>What to train: a base model, the data, and how.</summary>
public sealed class StudentTrainingRequest
{
    /// <summary>Gets the base model, for example <c>meta-llama/Llama-3.1-8B</c> or <c>gpt-4o-mini-2024-07-18</c>.</summary>
    public required string BaseModel { get; init; }

    /// <summary>Gets the generated training instances.</summary>
    public required IReadOnlyList<SyntheticInstance> Instances { get; init; }

    /// <summary>Gets the seed instances trained on as well (the paper does this for instance generation), or empty.</summary>
    public IReadOnlyList<SyntheticInstance> SeedInstances { get; init; } = [];

    /// <summary>Gets the hyperparameters; the defaults are the paper's.</summary>
    public TrainingHyperparameters Hyperparameters { get; init; } = new();

    /// <summary>Gets a short name for the run (a job suffix, an output folder name), or <see langword="null"/> to derive one.</summary>
    public string? RunName { get; init; }

    /// <summary>
    /// Gets the folder the trainer keeps its files in (exported data, logs, the state that lets a restarted run re-attach
    /// to a running job), or <see langword="null"/> for a fresh temporary folder.
    /// </summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Gets the setting the data comes from, if known (recorded with the student).</summary>
    internal AgoraBenchSetting? Setting { get; init; }

    /// <summary>Gets the generator that produced the data, if known (recorded with the student).</summary>
    public string? Generator { get; init; }
}
