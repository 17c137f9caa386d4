namespace AgoraBench;

/// <summary>What one <see cref="StudentEvaluator.RunAsync"/> call did.</summary>
internal sealed class StudentEvaluationRun
{
    internal StudentEvaluationRun(int answered, IReadOnlyList<string> failed)
    {
        Answered = answered;
        Failed = failed;
    }

    /// <summary>Gets the number of problems answered by this call (problems already in the predictions file are not asked again).</summary>
    public int Answered { get; }

    /// <summary>Gets the ids of the problems that still failed after every retry.</summary>
    public IReadOnlyList<string> Failed { get; }
}
