using System.Diagnostics;

namespace AgoraBench.Tests.TestSupport;

/// <summary>Finds and runs a headless Chromium (Debian's <c>chromium</c>, installed by <c>.ci/run</c>).</summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Executable = new(Find);

    public static string? Path => Executable.Value;

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed."))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars", "--no-first-run", $"--user-data-dir={System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agorabench-chromium-" + Guid.NewGuid().ToString("N"))}" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 90 s.");
        }

        return (process.ExitCode, await output, await error);
    }

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("AGORABENCH_CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                string candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that needs Chromium: skipped without it, unless <c>AGORABENCH_REQUIRE_CHROMIUM=1</c> (as in CI), where it fails.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && Environment.GetEnvironmentVariable("AGORABENCH_REQUIRE_CHROMIUM") != "1")
        {
            Skip = "Chromium is not installed (apt-get install chromium, or set AGORABENCH_CHROMIUM).";
        }
    }
}
