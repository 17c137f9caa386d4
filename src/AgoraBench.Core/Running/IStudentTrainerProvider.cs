namespace AgoraBench;

/// <summary>
/// Makes the trainer a plan names in <c>training.trainer</c>. A provider package registers one under its name (for
/// example <c>AgoraBench.OpenAI</c>'s fine-tuning trainer); the core library knows only <c>command</c> and
/// <c>precomputed</c>, and a plan that names no registered trainer is rejected with the names that are.
/// </summary>
public interface IStudentTrainerProvider
{
    /// <summary>Gets the name a plan writes in <c>training.trainer</c> to choose this provider.</summary>
    string Name { get; }

    /// <summary>
    /// Gets a value indicating whether the service that trains the students also serves them: a student it returns
    /// without an endpoint is reached at the plan's <c>training.api</c> endpoint or the client factory's default one.
    /// </summary>
    bool ServesStudents { get; }

    /// <summary>Creates the trainer for a plan's training section.</summary>
    /// <param name="training">The plan's training section.</param>
    /// <returns>The trainer.</returns>
    IStudentTrainer Create(PlanTraining training);
}
