namespace AgoraBench;

/// <summary>What one <see cref="StudentEvaluator.RunAsync"/> call did.</summary>
/// <param name="Answered">The number of problems answered by this call (problems already in the predictions file are not asked again).</param>
/// <param name="Failed">The ids of the problems that still failed after every retry.</param>
public sealed record StudentEvaluationRun(int Answered, IReadOnlyList<string> Failed);
