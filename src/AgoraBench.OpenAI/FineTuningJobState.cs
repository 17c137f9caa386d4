namespace AgoraBench.OpenAI;

/// <summary>The fine-tuning trainer's <c>openai-job.json</c>: the job it started and the file it uploaded, so a rerun re-attaches instead of paying again.</summary>
internal sealed record FineTuningJobState
{
    public string? JobId { get; init; }

    public string? TrainingFile { get; init; }
}
