namespace AgoraBench;

/// <summary>A trained student and how to reach it.</summary>
/// <remarks>
/// Serialises to <c>student.json</c> with <see cref="TrainedStudentFile"/>. It never holds a secret: an endpoint's key
/// is named by <see cref="ApiKeyEnvironmentVariable"/> and read from the environment when a client is made. A trainer
/// builds one with its constructor and returns it.
/// </remarks>
public sealed class TrainedStudent
{
    /// <summary>Initializes a new instance of the <see cref="TrainedStudent"/> class.</summary>
    /// <param name="modelId">The model identifier to send to the endpoint.</param>
    /// <param name="trainer">The trainer that produced the student.</param>
    /// <param name="endpoint">An OpenAI-compatible base URL that serves the student, or <see langword="null"/>.</param>
    /// <param name="apiKeyEnvironmentVariable">The environment variable holding the endpoint's API key, or <see langword="null"/>.</param>
    /// <param name="modelPath">The path of the trained weights when they are local files, or <see langword="null"/>.</param>
    /// <param name="jobId">The remote job identifier, or <see langword="null"/>.</param>
    /// <param name="baseModel">The base model the student was trained from, or <see langword="null"/>.</param>
    /// <param name="metrics">Training metrics the trainer reported, or <see langword="null"/> for none.</param>
    public TrainedStudent(
        string modelId,
        string trainer,
        Uri? endpoint = null,
        string? apiKeyEnvironmentVariable = null,
        string? modelPath = null,
        string? jobId = null,
        string? baseModel = null,
        IReadOnlyDictionary<string, double>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(trainer);
        ModelId = modelId;
        Trainer = trainer;
        Endpoint = endpoint;
        ApiKeyEnvironmentVariable = apiKeyEnvironmentVariable;
        ModelPath = modelPath;
        JobId = jobId;
        BaseModel = baseModel;
        Metrics = metrics ?? new Dictionary<string, double>();
    }

    /// <summary>Gets the model identifier to send to the endpoint (a fine-tuned model id or a served model name).</summary>
    public string ModelId { get; }

    /// <summary>Gets the trainer that produced the student, for example <c>openai</c>, <c>command</c> or <c>precomputed</c>.</summary>
    public string Trainer { get; }

    /// <summary>Gets an OpenAI-compatible base URL (ending in <c>/v1</c>) that serves the student, or <see langword="null"/>.</summary>
    public Uri? Endpoint { get; }

    /// <summary>Gets the name of the environment variable holding the endpoint's API key, or <see langword="null"/> for none.</summary>
    public string? ApiKeyEnvironmentVariable { get; }

    /// <summary>Gets the path of the trained weights when they are local files, or <see langword="null"/>.</summary>
    public string? ModelPath { get; }

    /// <summary>Gets the remote job identifier (for a hosted fine-tuning API), or <see langword="null"/>.</summary>
    public string? JobId { get; }

    /// <summary>Gets the base model the student was trained from.</summary>
    public string? BaseModel { get; }

    /// <summary>Gets training metrics the trainer reported (for example <c>train_loss</c>, <c>trained_tokens</c>).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; }

    /// <summary>Copies the student with another trainer name and, when it has none, a base model.</summary>
    /// <param name="trainer">The trainer name to record.</param>
    /// <param name="baseModel">The base model to record when the student names none.</param>
    /// <returns>The copy.</returns>
    internal TrainedStudent WithTrainer(string trainer, string? baseModel) =>
        new(ModelId, trainer, Endpoint, ApiKeyEnvironmentVariable, ModelPath, JobId, BaseModel ?? baseModel, Metrics);
}
