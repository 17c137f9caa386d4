namespace AgoraBench;

/// <summary>What happened to one program in the <see cref="PythonSandbox"/>.</summary>
/// <param name="Status"><c>passed</c> (every test ran to its end in the tester), <c>failed</c> (a failed test, an exception, an early exit, a limit) or <c>timeout</c>.</param>
/// <param name="ExitCode">The program's exit code, when it ended before the verdict (a program still answering calls then is ended without one).</param>
/// <param name="Signal">The signal that ended the program before the verdict, when one did (for example 25 for the file-size limit, 24 for CPU time).</param>
/// <param name="Seconds">Wall-clock seconds.</param>
/// <param name="Stdout">The start of its standard output (capped).</param>
/// <param name="Stderr">The start of its standard error (capped), then the tester's account of a failure (the exception and the test line).</param>
internal sealed record SandboxResult(string Status, int? ExitCode, int? Signal, double Seconds, string Stdout, string Stderr)
{
    /// <summary>Gets a value indicating whether the program passed its tests.</summary>
    public bool Passed => Status == "passed";
}
