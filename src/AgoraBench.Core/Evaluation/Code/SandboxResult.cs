namespace AgoraBench;

/// <summary>What happened to one program in the <see cref="PythonSandbox"/>.</summary>
/// <param name="Status"><c>passed</c> (ran to its end), <c>failed</c> (an exception, an early exit, a limit) or <c>timeout</c>.</param>
/// <param name="ExitCode">The exit code, when the program exited.</param>
/// <param name="Signal">The signal that ended it, when one did (for example 25 for the file-size limit).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Stdout">The start of its standard output (capped).</param>
/// <param name="Stderr">The start of its standard error (capped), with the traceback of a failure.</param>
public sealed record SandboxResult(string Status, int? ExitCode, int? Signal, double Seconds, string Stdout, string Stderr)
{
    /// <summary>Gets a value indicating whether the program ran to its end.</summary>
    public bool Passed => Status == "passed";
}
