namespace AgoraBench;

/// <summary>How a plan trains students: the trainer, the base model and the recipe.</summary>
public sealed class PlanTraining
{
    internal PlanTraining()
    {
    }

    /// <summary>Gets the trainer: <c>command</c> (an external training command), <c>openai</c> (a fine-tuning API), <c>precomputed</c> (students trained elsewhere), or a name a host's trainer factory knows.</summary>
    /// <value>The default value is <c>command</c>.</value>
    public string Trainer { get; internal init; } = "command";

    /// <summary>Gets the base model the students are trained from.</summary>
    /// <value>The default value is <c>meta-llama/Llama-3.1-8B</c>, as in the paper.</value>
    public string BaseModel { get; internal init; } = "meta-llama/Llama-3.1-8B";

    /// <summary>Gets the command template of the <c>command</c> trainer (see <see cref="CommandStudentTrainerOptions.CommandTemplate"/>).</summary>
    public string? Command { get; internal init; }

    /// <summary>Gets the exported data format.</summary>
    /// <value>The default value is <see cref="SftFormat.PromptCompletion"/>.</value>
    internal SftFormat Format { get; init; } = SftFormat.PromptCompletion;

    /// <summary>Gets how long one training run may take, or <see langword="null"/> for no limit.</summary>
    public TimeSpan? Timeout { get; internal init; }

    /// <summary>Gets the hyperparameters; the defaults are the paper's.</summary>
    internal TrainingHyperparameters Hyperparameters { get; init; } = new();

    /// <summary>Gets environment variables set for the training command (never put keys here; they are recorded in the manifest).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; internal init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Gets the fine-tuning API endpoint (<c>openai</c> trainer), or <see langword="null"/> for OpenAI.</summary>
    public ModelEndpoint? Api { get; internal init; }

    /// <summary>Gets, for the <c>precomputed</c> trainer, <c>student.json</c> files by generator name and then setting key.</summary>
    internal IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Students { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);

    /// <summary>Gets the price of training in USD per million trained tokens (examples × epochs), or <see langword="null"/> when unknown.</summary>
    internal decimal? PriceUsdPerMillionTrainingTokens { get; init; }

    /// <summary>Gets the price of querying a trained student, or <see langword="null"/> when free (self-hosted).</summary>
    internal ModelPrice? StudentPrice { get; init; }

    /// <summary>Gets how many requests are in flight to one student during evaluation.</summary>
    /// <value>The default value is 8.</value>
    internal int StudentConcurrency { get; init; } = 8;

    /// <summary>
    /// Gets how many times each cell's student is trained, each time with its own seed (the hyperparameters' seed, then
    /// seed + 1, …), run name and evaluation. A cell's PGR is then the mean over the repeats, and the PGR report splits
    /// its spread into training seeds and evaluation problems.
    /// </summary>
    /// <value>The default value is 1 (one training run per cell, as in the paper).</value>
    internal int Repeats { get; init; } = 1;
}
