using System.Diagnostics;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// <c>../shared/tools/study_fake.py</c> as a child process on a free loopback port: it plays generators, judge,
/// students, base and reference models with set accuracies. Stopped by killing its process (never by name).
/// </summary>
internal sealed class StudyFakeProcess : IDisposable
{
    private readonly Process _process;

    private StudyFakeProcess(Process process, string url, string statsPath)
    {
        _process = process;
        Url = url;
        StatsPath = statsPath;
    }

    /// <summary>The fake's base URL, ending in <c>/v1</c>.</summary>
    public string Url { get; }

    /// <summary>The counters file (<c>--stats</c>), rewritten after every request.</summary>
    public string StatsPath { get; }

    public static async Task<StudyFakeProcess> StartAsync(string script, string folder, IEnumerable<string> arguments)
    {
        string portFile = Path.Combine(folder, "fake.port");
        string stats = Path.Combine(folder, "fake.stats.json");
        var start = new ProcessStartInfo(RepositoryPaths.Python ?? "python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { script, "--host", "127.0.0.1", "--port", "0", "--port-file", portFile, "--stats", stats, "--quiet" }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(File.Exists(portFile) && new FileInfo(portFile).Length > 0))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                string message = await stderr;
                process.Dispose();
                throw new InvalidOperationException("study_fake.py did not start: " + message);
            }

            await Task.Delay(50);
        }

        string port = File.ReadAllText(portFile).Trim();
        return new StudyFakeProcess(process, $"http://127.0.0.1:{port}/v1", stats);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }
}
