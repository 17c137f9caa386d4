using System.Diagnostics;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// Starts the agorabench command line as its own process: the framework-dependent build these tests were built
/// against, or, when <c>AGORABENCH_CLI</c> names an executable, that one (the packed tool, the native build), so the
/// same suite checks what users install.
/// </summary>
internal static class CliProcess
{
    /// <summary>The executable named by <c>AGORABENCH_CLI</c>, or null to use the build output.</summary>
    public static string? Executable => Environment.GetEnvironmentVariable("AGORABENCH_CLI") is { Length: > 0 } path ? Path.GetFullPath(path) : null;

    public static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        ProcessStartInfo start;
        if (Executable is { } executable)
        {
            start = new ProcessStartInfo(executable);
        }
        else
        {
            // The tool's own build output (its deps.json resolves there), in the configuration these tests were built in.
            start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet");
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "src", "AgoraBench.Cli", "bin", configuration, "net10.0", "agorabench.dll"));
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        return start;
    }
}
