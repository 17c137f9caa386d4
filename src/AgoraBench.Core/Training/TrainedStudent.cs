namespace AgoraBench;

/// <summary>A trained student and how to reach it.</summary>
/// <remarks>
/// Serialises to <c>student.json</c> with <see cref="TrainedStudentFile"/>. It never holds a secret: an endpoint's key
/// is named by <see cref="ApiKeyEnvironmentVariable"/> and read from the environment when a client is made. A trainer
/// builds one with an object initializer and returns it.
/// </remarks>
public sealed class TrainedStudent
{
    /// <summary>Gets the model identifier to send to the endpoint (a fine-tuned model id or a served model name).</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets the trainer that produced the student, for example <c>openai</c>, <c>command</c> or <c>precomputed</c>.</summary>
    public required string Trainer { get; init; }

    /// <summary>Gets an OpenAI-compatible base URL (ending in <c>/v1</c>) that serves the student, or <see langword="null"/>.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Gets the name of the environment variable holding the endpoint's API key, or <see langword="null"/> for none.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Gets the path of the trained weights when they are local files, or <see langword="null"/>.</summary>
    public string? ModelPath { get; init; }

    /// <summary>Gets the remote job identifier (for a hosted fine-tuning API), or <see langword="null"/>.</summary>
    public string? JobId { get; init; }

    /// <summary>Gets the base model the student was trained from.</summary>
    public string? BaseModel { get; init; }

    /// <summary>Gets training metrics the trainer reported (for example <c>train_loss</c>, <c>trained_tokens</c>).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>Copies the student with another trainer name and, when it has none, a base model.</summary>
    /// <param name="trainer">The trainer name to record.</param>
    /// <param name="baseModel">The base model to record when the student names none.</param>
    /// <returns>The copy.</returns>
    internal TrainedStudent WithTrainer(string trainer, string? baseModel) => new()
    {
        ModelId = ModelId,
        Trainer = trainer,
        Endpoint = Endpoint,
        ApiKeyEnvironmentVariable = ApiKeyEnvironmentVariable,
        ModelPath = ModelPath,
        JobId = JobId,
        BaseModel = BaseModel ?? baseModel,
        Metrics = Metrics,
    };
}
