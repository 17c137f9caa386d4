namespace AgoraBench.OpenAI;

/// <summary>
/// The <c>openai</c> trainer: a plan with <c>"trainer": "openai"</c> fine-tunes through the fine-tuning API at
/// <c>training.api</c> (OpenAI by default), which also serves the students it trains.
/// </summary>
internal sealed class OpenAITrainerProvider : IStudentTrainerProvider
{
    /// <summary>The name plans use.</summary>
    public const string TrainerName = "openai";

    public string Name => TrainerName;

    public bool ServesStudents => true;

    public IStudentTrainer Create(PlanTraining training)
    {
        ArgumentNullException.ThrowIfNull(training);
        return new OpenAIFineTuningTrainer(new OpenAIFineTuningTrainerOptions
        {
            Endpoint = training.Api?.Endpoint,
            ApiKeyEnvironmentVariable = training.Api?.KeyVariable() ?? "OPENAI_API_KEY",
        });
    }
}
