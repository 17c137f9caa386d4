namespace AgoraBench;

/// <summary>Options of <see cref="PythonSandbox"/>.</summary>
public sealed class PythonSandboxOptions
{
    /// <summary>Gets or sets the Python interpreter.</summary>
    /// <value>The default value is <c>python3</c> (found on PATH).</value>
    public string Python { get; set; } = "python3";

    /// <summary>Gets or sets how many programs run at once (one warm worker process each).</summary>
    /// <value>The default value is the number of processors.</value>
    public int Workers { get; set; } = Environment.ProcessorCount;
}
