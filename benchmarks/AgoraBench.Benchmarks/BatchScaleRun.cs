using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using AgoraBench.OpenAI;
using AgoraBench.OpenAI.Tests;
using OpenAI;

namespace AgoraBench.Benchmarks;

/// <summary>
/// The scale-out target: N instance-generation requests (50,000 by default) through <see cref="OpenAIBatchChatClient"/>
/// against the loopback fake of the files and batches endpoints. The fake runs in a child process so the client's CPU
/// time and working set are measured alone. A second run is killed (cancelled and disposed) while its batches are
/// pending and resumed from its run store and batch state: the measured resume re-attaches and uploads nothing.
/// </summary>
internal static class BatchScaleRun
{
    public const string ServerMode = "batch-fake-server";

    /// <summary>The child process: serves the fake until its standard input closes; "hold" and "release" lines pause and resume its batches.</summary>
    public static async Task ServeAsync()
    {
        await using var server = await FakeBatchServer.StartAsync();
        int answers = 0;
        server.Answer = _ =>
        {
            int n = Interlocked.Increment(ref answers);
            return string.Create(CultureInfo.InvariantCulture, $"Question {n}: A crate holds {n} apples and {n + 7} pears. How many fruits are in the crate?\nOUTPUT: {n} + {n + 7} = {(2 * n) + 7}.\n[RESULT] {(2 * n) + 7} [/RESULT]");
        };
        Console.WriteLine(server.Endpoint);
        while (await Console.In.ReadLineAsync() is { } command)
        {
            server.Release = command != "hold";
        }
    }

    public static async Task<int> RunAsync(int requests)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BatchScaleRun).Assembly.Location);
        }

        start.ArgumentList.Add(ServerMode);
        using var child = Process.Start(start)!;
        var endpoint = new Uri((await child.StandardOutput.ReadLineAsync())!);
        string folder = Directory.CreateTempSubdirectory("agb-batch-scale-").FullName;
        try
        {
            Console.WriteLine($"{requests:N0} instance-generation requests through the batch back end (fake server pid {child.Id} at {endpoint}); client pid {Environment.ProcessId}.");
            Console.WriteLine("Peak working set is the client process's peak since it started.");
            Console.WriteLine();
            Console.WriteLine("| Run | Wall | Client CPU | Peak working set | Allocated | Batches | Requests uploaded | Accepted |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            bool whole = await MeasureAsync("one run: submit, poll, collect", () => GenerateAsync(endpoint, Path.Combine(folder, "whole"), requests, resume: false));

            string restart = Path.Combine(folder, "restart");
            await child.StandardInput.WriteLineAsync("hold");
            using (var crash = new CancellationTokenSource())
            {
                var killed = GenerateAsync(endpoint, restart, requests, resume: false, onSubmitted: crash.Cancel, crash.Token);
                try
                {
                    await killed;
                }
                catch (OperationCanceledException)
                {
                    // The simulated crash: everything in flight abandoned, the batches left running.
                }
            }

            await child.StandardInput.WriteLineAsync("release");
            bool resumed = await MeasureAsync("killed while pending, resumed: re-attach, collect", () => GenerateAsync(endpoint, restart, requests, resume: true));
            return whole && resumed ? 0 : 1;
        }
        finally
        {
            child.StandardInput.Close();
            await child.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> MeasureAsync(string name, Func<Task<(GenerationSummary Summary, OpenAIBatchStatistics Batch)>> run)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        long allocated = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var (summary, batch) = await run();
        clock.Stop();
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {clock.Elapsed.TotalSeconds:F1} s | {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s | {process.PeakWorkingSet64 / 1048576.0:F0} MiB | {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0:F0} MiB | {batch.Batches} | {batch.Submitted:N0} | {summary.Accepted:N0} |"));
        return summary.Accepted > 0;
    }

    private static async Task<(GenerationSummary Summary, OpenAIBatchStatistics Batch)> GenerateAsync(Uri endpoint, string folder, int requests, bool resume, Action? onSubmitted = null, CancellationToken cancellationToken = default)
    {
        var api = new OpenAIClient(new ApiKeyCredential("sk-bench"), new OpenAIClientOptions { Endpoint = endpoint, NetworkTimeout = TimeSpan.FromMinutes(5) });
        var options = new OpenAIBatchOptions
        {
            StateDirectory = Path.Combine(folder, "batch"),
            FlushDelay = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(100),
            MaxPollInterval = TimeSpan.FromMilliseconds(400),
        };
        await using var batch = await OpenAIBatchChatClient.OpenAsync(api, "gpt-4o-mini", options, endpoint, cancellationToken: CancellationToken.None);
        var seeds = Enumerable.Range(1, 50)
            .Select(i => new SyntheticInstance { Instruction = $"A shelf holds {i} books and {3 * i} magazines. How many items are on the shelf?", Response = $"{i} + {3 * i} = {4 * i}.\n[RESULT] {4 * i} [/RESULT]" })
            .ToArray();
        var engine = new GenerationEngine(new ChatDataGenerator(batch), new GenerationEngineOptions
        {
            Method = GenerationMethod.InstanceGeneration,
            Domain = BenchmarkDomain.Math,
            Generator = "gpt-4o-mini",
            Count = requests,
            Concurrency = requests,
        });
        await using var store = await GenerationRunStore.OpenAsync(Path.Combine(folder, "ig-math.jsonl"), resume, CancellationToken.None);
        var run = engine.RunAsync(seeds, store, cancellationToken: cancellationToken);
        if (onSubmitted is not null)
        {
            while (batch.Statistics.Submitted < requests && !run.IsCompleted)
            {
                await Task.Delay(50, CancellationToken.None);
            }

            onSubmitted();
        }

        var summary = await run;
        return (summary, batch.Statistics);
    }
}
