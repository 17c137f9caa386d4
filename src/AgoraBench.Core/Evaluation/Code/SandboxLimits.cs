namespace AgoraBench;

/// <summary>Limits for one program in the <see cref="PythonSandbox"/>.</summary>
internal sealed class SandboxLimits
{
    /// <summary>Gets the wall-clock limit; the program and everything it started are killed after it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets the address-space limit in MiB.</summary>
    public int MemoryMegabytes { get; init; } = 1024;

    /// <summary>Gets the largest file (including captured output) the program may write, in MiB; also the size of its private folder.</summary>
    public int FileMegabytes { get; init; } = 16;

    /// <summary>Gets how much of stdout and stderr is kept, in KiB each.</summary>
    public int OutputKilobytes { get; init; } = 16;

    /// <summary>Gets how many processes the program may have at once (it and everything it starts).</summary>
    public int Processes { get; init; } = 32;
}
