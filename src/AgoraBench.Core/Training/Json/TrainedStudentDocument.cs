using System.Text.Json.Serialization;

namespace AgoraBench;

/// <summary><c>student.json</c> as a run writes it: the trained model, who trained it, where it is served and the trainer's metrics.</summary>
internal sealed record TrainedStudentDocument
{
    [JsonPropertyName("model_id")]
    public required string ModelId { get; init; }

    public required string Trainer { get; init; }

    public string? Endpoint { get; init; }

    [JsonPropertyName("api_key_env")]
    public string? ApiKeyEnv { get; init; }

    [JsonPropertyName("model_path")]
    public string? ModelPath { get; init; }

    [JsonPropertyName("job_id")]
    public string? JobId { get; init; }

    [JsonPropertyName("base_model")]
    public string? BaseModel { get; init; }

    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public static TrainedStudentDocument From(TrainedStudent student) => new()
    {
        ModelId = student.ModelId,
        Trainer = student.Trainer,
        Endpoint = student.Endpoint?.AbsoluteUri,
        ApiKeyEnv = student.ApiKeyEnvironmentVariable,
        ModelPath = student.ModelPath,
        JobId = student.JobId,
        BaseModel = student.BaseModel,
        Metrics = student.Metrics,
    };
}
