namespace AgoraBench.Cli.Commands;

/// <summary>A run finished with steps that are not done; the tool exits with <see cref="CliExitCodes.Incomplete"/>.</summary>
internal sealed class IncompleteRunException(int steps) : Exception($"{steps} step(s) of the requested stages are not done")
{
    public int Steps { get; } = steps;
}
