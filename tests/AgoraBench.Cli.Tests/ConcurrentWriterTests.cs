using System.Diagnostics;
using System.Globalization;
using AgoraBench.Cli.Commands;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>Two writers of one output: the second is refused with a clear message and exit code 5, and pays for nothing.</summary>
public sealed class ConcurrentWriterTests : IAsyncLifetime
{
    private const string Seeds = "[{\"instruction\": \"What is 2 + 3?\", \"response\": \"2 + 3 = 5.\\n[RESULT] 5 [/RESULT]\"}]\n";

    private FakeOpenAIServer _server = null!;
    private int _answers;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();
        _server.Chat = _ =>
        {
            int n = Interlocked.Increment(ref _answers);
            return $"Question {n}: what is {n} + {n}?\nOUTPUT: {n} + {n} = {2 * n}.\n[RESULT] {2 * n} [/RESULT]";
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwoGenerateProcessesOnOneOutput_TheSecondIsRefused(bool secondResumes)
    {
        using var files = new TempFiles();
        // The first generator takes about 40 s (80 answers, 0.5 s each, one at a time): ample time for the second
        // process to start and be refused, even on a loaded machine.
        const int N = 80;
        _server.ChatLatency = TimeSpan.FromMilliseconds(500);
        string output = files.PathOf("ig.jsonl");
        string[] args =
        [
            "generate", "--method", "instance-generation", "--domain", "math", "--seed", files.Write("seed.json", Seeds), "--count", N.ToString(CultureInfo.InvariantCulture),
            "--model", "gen", "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--concurrency", "1", "--out", output,
        ];

        using var first = Start(args);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (Lines(output) < 2 && !first.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        if (first.HasExited)
        {
            Assert.Fail("the first generator finished before the second could start: " + await first.StandardError.ReadToEndAsync());
        }

        int servedBefore = _server.ChatCompletionsServed;
        using var second = Start(secondResumes ? [.. args, "--resume"] : args);
        string secondError = await second.StandardError.ReadToEndAsync();
        await second.WaitForExitAsync();
        Assert.False(first.HasExited, "the first generator finished while the second ran, so the lock was not tested");

        Assert.True(second.ExitCode == CliExitCodes.Locked, $"exit {second.ExitCode}: {secondError}");
        Assert.Contains($"--out {output} is being written by another agorabench process", secondError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", secondError, StringComparison.Ordinal);

        string firstError = await first.StandardError.ReadToEndAsync();
        await first.WaitForExitAsync();
        Assert.True(first.ExitCode == 0, firstError);
        var rows = await SyntheticDataset.ReadAsync(output);
        Assert.Equal(N, rows.Count);
        Assert.Equal(N, rows.Select(r => r.Id).Distinct().Count());

        // The refused process sent nothing: the server answered the first process's N requests only.
        Assert.Equal(N, _server.ChatCompletionsServed);
        Assert.True(servedBefore < N);

        // Once the first has finished, the lock is free again.
        var again = await CliRunner.RunAsync([.. args, "--resume"]);
        Assert.True(again.ExitCode == 0, again.Error + again.Output);
    }

    [Fact]
    public async Task EveryCommandWithAnOut_IsRefusedWhileAnotherWriterHoldsIt()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", "{\"instruction\": \"q\", \"response\": \"a\"}\n");
        string scores = files.Write("scores.csv", "generator,method,domain,benchmark,student,base,reference\nG,instance-generation,math,gsm8k,60,40,80\n");
        string[][] commands =
        [
            ["score", "--data", data, "--domain", "math", "--metrics", "response-quality", "--judge-model", "j", "--judge-endpoint", _server.Endpoint.ToString(), "--out", files.PathOf("out")],
            ["export-sft", "--data", data, "--format", "messages", "--out", files.PathOf("out")],
            ["pgr", "--scores", scores, "--out", files.PathOf("out")],
            ["train", "--trainer", "precomputed", "--student", data, "--data", data, "--base-model", "m", "--out", files.PathOf("out")],
        ];

        using (OutputLock.Acquire(files.PathOf("out"), "--out"))
        {
            foreach (var command in commands)
            {
                var run = await CliRunner.RunAsync(command);
                Assert.True(run.ExitCode == CliExitCodes.Locked, $"{command[0]}: exit {run.ExitCode}: {run.Error}");
                Assert.Contains("is being written by another agorabench process", run.Error, StringComparison.Ordinal);
            }
        }

        Assert.False(File.Exists(files.PathOf("out")));
        Assert.Equal(0, _server.ChatCompletionsServed);
        var free = await CliRunner.RunAsync("pgr", "--scores", scores, "--out", files.PathOf("out"));
        Assert.True(free.ExitCode == 0, free.Error);
    }

    private static Process Start(string[] args)
    {
        return Process.Start(CliProcess.StartInfo(args))!;
    }

    private static int Lines(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Count(c => c == '\n');
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
