namespace AgoraBench.Cli.Commands;

/// <summary>A run or a merge finished with work that is not done exactly once; the tool exits with <see cref="CliExitCodes.Incomplete"/>.</summary>
internal sealed class IncompleteRunException : Exception
{
    /// <summary>Steps of a run that are not done.</summary>
    public IncompleteRunException(int steps)
        : base($"{steps} step(s) of the requested stages are not done") => Steps = steps;

    /// <summary>A merge whose inputs left work missing, doubled or in conflict; each part named with its count.</summary>
    public IncompleteRunException(string what, int missing, int duplicated, int conflicting)
        : base(Describe(what, missing, duplicated, conflicting)) => Steps = missing + duplicated + conflicting;

    public int Steps { get; }

    private static string Describe(string what, int missing, int duplicated, int conflicting)
    {
        var parts = new List<string>();
        if (missing > 0)
        {
            parts.Add($"{missing} {what} missing");
        }

        if (duplicated > 0)
        {
            parts.Add($"{duplicated} {what} done by more than one shard");
        }

        if (conflicting > 0)
        {
            parts.Add($"{conflicting} {what} with conflicting outputs");
        }

        return "the merge is not complete: " + string.Join(", ", parts) + " (listed above)";
    }
}
