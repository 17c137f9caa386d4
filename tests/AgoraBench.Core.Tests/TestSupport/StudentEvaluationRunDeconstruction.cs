namespace AgoraBench.Tests;

/// <summary>Lets the tests read a <see cref="StudentEvaluationRun"/> (a read-only class, no longer a positional record) as <c>var (answered, failed) = …</c>.</summary>
internal static class StudentEvaluationRunDeconstruction
{
    public static void Deconstruct(this StudentEvaluationRun run, out int answered, out IReadOnlyList<string> failed)
    {
        answered = run.Answered;
        failed = run.Failed;
    }
}
