using System.Diagnostics;

namespace AgoraBench.Tests.TestSupport;

/// <summary>A fact that runs only where python3 is installed; otherwise it is reported as skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PythonFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Found = new(Find);

    public PythonFactAttribute()
    {
        if (Found.Value is null)
        {
            Skip = "python3 is not installed.";
        }
    }

    public static string Python => Found.Value ?? throw new InvalidOperationException("python3 is not installed.");

    private static string? Find()
    {
        foreach (string candidate in new[] { "/usr/bin/python3", "/usr/local/bin/python3" }.Where(File.Exists))
        {
            var start = new ProcessStartInfo(candidate) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import json, math, random");
            using var process = Process.Start(start);
            if (process is not null && process.WaitForExit(60_000) && process.ExitCode == 0)
            {
                return candidate;
            }
        }

        return null;
    }
}
