namespace AgoraBench;

/// <summary>Options of <see cref="PythonSandbox"/>.</summary>
internal sealed class PythonSandboxOptions
{
    /// <summary>Gets or sets the Python interpreter.</summary>
    /// <value>The default value is <c>python3</c> (found on PATH).</value>
    internal string Python { get; set; } = "python3";

    /// <summary>Gets or sets how many programs run at once (one warm worker process each).</summary>
    /// <value>The default value is the number of processors.</value>
    internal int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Gets or sets a value indicating whether the sandbox may run with weaker guarantees where the machine lacks a
    /// mechanism. Without a cgroup it may create (an ordinary user without a delegated cgroup): the namespaces still
    /// hold, but memory and processes are bounded per process only. Where the kernel refuses user namespaces: programs
    /// still run against a separate tester, under resource limits, as uid 65534 when the grader is root, in a temporary
    /// folder that is removed; but they see the host's files, network and processes. See docs/evaluation.md.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: without the isolation the sandbox refuses to start.</value>
    public bool AllowWeakIsolation { get; set; }
}
