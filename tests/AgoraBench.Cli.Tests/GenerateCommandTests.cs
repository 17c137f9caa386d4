using System.Diagnostics;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

public sealed class GenerateCommandTests : IAsyncLifetime
{
    private const string MathSeeds =
        "[{\"instruction\": \"What is 2 + 3?\", \"response\": \"2 + 3 = 5.\\n[RESULT] 5 [/RESULT]\"},\n"
        + " {\"instruction\": \"What is 7 * 6?\", \"response\": \"7 * 6 = 42.\\n[RESULT] 42 [/RESULT]\"}]\n";

    private FakeOpenAIServer _server = null!;
    private int _answers;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAIServer.StartAsync();
        _server.Chat = _ =>
        {
            int n = Interlocked.Increment(ref _answers);
            return n % 4 == 0
                ? "A question with no output marker"
                : $"Question {n}: what is {n} + {n}?\nOUTPUT: {n} + {n} = {2 * n}.\n[RESULT] {2 * n} [/RESULT]";
        };
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Generate_WritesTheRequestedInstances_AndASummaryThatMatchesTheServer()
    {
        using var files = new TempFiles();
        _server.Faults.Enqueue(429);
        _server.Faults.Enqueue(500);
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "generate", "--method", "instance-generation", "--domain", "math", "--seed", files.Write("seed.json", MathSeeds), "--count", "12",
            "--model", "gpt-4o-mini", "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--concurrency", "3",
            "--out", files.PathOf("out.jsonl"), "--random-seed", "3");

        Assert.True(exitCode == 0, error + output);
        var rows = await SyntheticDataset.ReadAsync(files.PathOf("out.jsonl"));
        Assert.Equal(12, rows.Count);
        Assert.All(rows, r => Assert.Equal(("gpt-4o-mini", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math), (r.Generator, r.Method!.Value, r.Domain!.Value)));
        Assert.Equal(12, rows.Select(r => r.Id).Distinct().Count());
        int rejected = _server.ChatCompletionsServed - 12;
        Assert.Contains($"accepted 12 (plus 0 resumed)", output, StringComparison.Ordinal);
        Assert.Contains($"rejected: parse-failed {rejected}", output, StringComparison.Ordinal);
        Assert.Contains($"completions {_server.ChatCompletionsServed}, transport retries 2", output, StringComparison.Ordinal);

        // gpt-4o-mini carries the paper's Table 3 price, so the run is costed without --price flags.
        Assert.Contains("cost $0.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", File.ReadAllText(files.PathOf("out.jsonl") + ".attempts.jsonl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithCache_ReplaysPaidCompletionsOnARerun()
    {
        using var files = new TempFiles();
        string seed = files.Write("seed.json", MathSeeds);
        string[] common = ["generate", "--method", "instance-generation", "--domain", "math", "--seed", seed, "--count", "6", "--model", "gen",
            "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--concurrency", "1", "--cache", files.PathOf("cache.jsonl")];
        var first = await CliRunner.RunAsync([.. common, "--out", files.PathOf("a.jsonl")]);
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        int served = _server.ChatCompletionsServed;

        var second = await CliRunner.RunAsync([.. common, "--out", files.PathOf("b.jsonl")]);
        Assert.True(second.ExitCode == 0, second.Error + second.Output);
        Assert.Equal(served, _server.ChatCompletionsServed);
        Assert.Contains($"cache hits {served}", second.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(files.PathOf("a.jsonl")), File.ReadAllText(files.PathOf("b.jsonl")));
    }

    [Fact]
    public async Task Generate_ReadsGsm8kStyleQuestionAnswerSeeds()
    {
        using var files = new TempFiles();
        _server.Chat = _ => "Step by step.\n[RESULT] 4 [/RESULT]";
        string seed = files.Write("gsm8k.jsonl", "{\"question\": \"Tom has 2 apples and buys 2 more. How many?\", \"answer\": \"2 + 2 = 4\\n#### 4\"}\n{\"question\": \"What is 8 / 2?\", \"answer\": \"#### 4\"}\n");
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "generate", "--method", "response-generation", "--domain", "math", "--seed", seed, "--model", "gen",
            "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--out", files.PathOf("rg.jsonl"));
        Assert.True(exitCode == 0, error + output);
        var rows = (await SyntheticDataset.ReadAsync(files.PathOf("rg.jsonl"))).OrderBy(r => r.Index).ToArray();
        Assert.Equal(["Tom has 2 apples and buys 2 more. How many?", "What is 8 / 2?"], rows.Select(r => r.Instruction));
        Assert.All(rows, r => Assert.Equal("Step by step.\n[RESULT] 4 [/RESULT]", r.Response));
    }

    [Fact]
    public async Task Generate_ListsEveryOptionProblemAtOnce()
    {
        using var files = new TempFiles();
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "generate", "--method", "distillation", "--domain", "poetry", "--seed", files.Write("seed.json", MathSeeds), "--model", "m",
            "--endpoint", "not a url", "--out", files.PathOf("o.jsonl"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--method", error, StringComparison.Ordinal);
        Assert.Contains("--domain", error, StringComparison.Ordinal);
        Assert.Contains("--endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_RefusesToOverwrite_WithoutResume()
    {
        using var files = new TempFiles();
        files.Write("o.jsonl", "{\"instruction\": \"x\", \"response\": \"y\"}\n");
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "generate", "--method", "rg", "--domain", "math", "--seed", files.Write("seed.json", MathSeeds), "--model", "m",
            "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--out", files.PathOf("o.jsonl"));
        Assert.NotEqual(0, exitCode);
        Assert.Contains("--resume", error, StringComparison.Ordinal);
        Assert.Equal(0, _server.ChatCompletionsServed);
    }

    [Fact]
    public async Task Generate_KilledWithSigkill_ResumesToExactlyNUniqueInstances()
    {
        using var files = new TempFiles();
        const int N = 60;
        const int Concurrency = 4;
        _server.ChatLatency = TimeSpan.FromMilliseconds(40);
        string seed = files.Write("seed.json", MathSeeds);
        string output = files.PathOf("crash.jsonl");
        string[] args =
        [
            "generate", "--method", "instance-generation", "--domain", "math", "--seed", seed, "--count", N.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--model", "gen", "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY",
            "--concurrency", Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", output,
        ];

        var start = CliProcess.StartInfo(args);

        using (var process = Process.Start(start)!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (LineCount(output) < N / 3 && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }


            if (process.HasExited)
            {
                Assert.Fail("the generator finished before it could be killed: " + await process.StandardError.ReadToEndAsync());
            }

            process.Kill(entireProcessTree: true); // SIGKILL on Unix, to the host and anything a dotnet shim started
            await process.WaitForExitAsync();
            Assert.Equal(137, process.ExitCode);
        }

        int beforeResume = LineCount(output);
        Assert.InRange(beforeResume, N / 3, N - 1);
        var (exitCode, stdout, error) = await CliRunner.RunAsync([.. args, "--resume"]);
        Assert.True(exitCode == 0, error + stdout);

        var rows = await SyntheticDataset.ReadAsync(output);
        Assert.Equal(N, rows.Count);
        Assert.Equal(N, rows.Select(r => r.Id).Distinct().Count());
        Assert.Equal(N, rows.Select(r => r.Instruction).Distinct().Count());

        // Paid completions: N accepted + the rejected ones (logged) + at most the requests in flight at the kill.
        int rejected = File.ReadAllLines(output + ".attempts.jsonl").Count(l => l.Contains("\"accepted\":false", StringComparison.Ordinal));
        Assert.InRange(_server.ChatCompletionsServed, N + rejected, N + rejected + Concurrency);
    }

    private static int LineCount(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Count(c => c == '\n');
    }
}
