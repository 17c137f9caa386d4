namespace AgoraBench;

/// <summary>
/// Trains a student on a generated dataset and returns how to reach it. AGORABENCH fine-tunes Llama-3.1-8B; a .NET host
/// hands that to a real training engine (a fine-tuning API, or TRL / axolotl / torchrun on a GPU node or cluster).
/// </summary>
/// <remarks>
/// Implementations report progress through the <c>progress</c> argument when given, honour cancellation (cancelling a
/// remote job or killing a local process tree), and fail with a <see cref="StudentTrainingException"/> that carries the
/// engine's own error. They are safe to call concurrently for different requests and do not mutate the request.
/// </remarks>
public interface IStudentTrainer
{
    /// <summary>Gets the trainer's stable name (recorded in <see cref="TrainedStudent.Trainer"/>).</summary>
    string Name { get; }

    /// <summary>Trains a student.</summary>
    /// <param name="request">What to train.</param>
    /// <param name="progress">Receives progress reports, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the training, remote or local.</param>
    /// <returns>The trained student.</returns>
    /// <exception cref="StudentTrainingException">Training failed; the message carries the engine's error.</exception>
    /// <exception cref="DataValidationException">The data or hyperparameters are invalid.</exception>
    Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default);
}
