using OpenAI.FineTuning;

namespace AgoraBench.OpenAI;

/// <summary>The polls of one fine-tuning job as the trainer's pipeline sees them: the job, where progress goes, and the events already reported.</summary>
internal sealed record PollCall(FineTuningJob Job, IProgress<TrainingProgress>? Progress, HashSet<string> SeenEvents);
