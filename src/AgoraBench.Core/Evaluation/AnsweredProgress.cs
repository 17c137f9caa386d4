namespace AgoraBench;

/// <summary>Turns each answered problem id into the running count of answered problems, reported as it happens (on the caller's thread).</summary>
/// <param name="answered">Receives the count.</param>
/// <param name="done">The count before the first answer (problems answered by an earlier run).</param>
internal sealed class AnsweredProgress(IProgress<int> answered, int done) : IProgress<string>
{
    private int _done = done;

    /// <inheritdoc />
    public void Report(string value) => answered.Report(Interlocked.Increment(ref _done));
}
