using System.Globalization;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// Runs the agorabench command line and captures its streams: in-process, or as the executable named by
/// <c>AGORABENCH_CLI</c> (see <see cref="CliProcess"/>) in the current directory and environment.
/// </summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        if (CliProcess.Executable is not null)
        {
            using var process = System.Diagnostics.Process.Start(CliProcess.StartInfo(args))!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int exitCode = await AgoraBenchCli.InvokeAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
