using System.Net.Sockets;
using System.Text.Json;
using AgoraBench.Cli.Commands;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>Bad input of every kind ends in one clear message and a documented exit code, never a stack trace or a leftover file.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const string Scores =
        "generator,method,domain,benchmark,student,base,reference\n"
        + "\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",instance-generation,math,gsm8k,60,40,80\n"
        + "@cmd,instance-generation,math,gsm8k,30,40,80\n"
        + "GPT-4o-mini,instance-generation,math,gsm8k,70,40,80\n";

    private const string HumanEval = "{\"task_id\": \"HumanEval/0\", \"prompt\": \"def f():\\n\", \"canonical_solution\": \"    return 1\\n\", \"test\": \"def check(c):\\n    assert c() == 1\\n\", \"entry_point\": \"f\"}\n";

    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AnInputPathThatIsAFolder_IsADataErrorNamingTheOption()
    {
        using var files = new TempFiles();
        Directory.CreateDirectory(files.PathOf("scores.csv"));
        var run = await CliRunner.RunAsync("pgr", "--scores", files.PathOf("scores.csv"));
        AssertClean(run, 3, "--scores", "is a folder; a file is expected");
    }

    [Fact]
    public async Task OutAFolder_IsADataError_AndLeavesNoTemporaryFile()
    {
        using var files = new TempFiles();
        Directory.CreateDirectory(files.PathOf("out"));
        var run = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", Scores), "--out", files.PathOf("out"));
        AssertClean(run, 3, "--out", "is a folder");
        Assert.Empty(Directory.GetFiles(files.Root, "*.tmp", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFileSystemEntries(files.PathOf("out")));
    }

    [Fact]
    public async Task OutUnderAFile_IsTheDocumentedDataError()
    {
        using var files = new TempFiles();
        string file = files.Write("plain.txt", "x");
        var run = await CliRunner.RunAsync("paper", "--out", Path.Combine(file, "x"));
        AssertClean(run, 3, "--out", "is a file, not a folder");
    }

    [Fact]
    public async Task RunDirAFile_IsADataError()
    {
        using var files = new TempFiles();
        var run = await CliRunner.RunAsync("run", "--plan", files.Write("plan.json", "{}"), "--run-dir", files.Write("run", "not a folder"));
        AssertClean(run, 3, "--run-dir", "is a file; a folder is expected");
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1e300")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("Infinity")]
    public async Task GradeTimeoutOutOfRange_IsAUsageError(string timeout)
    {
        using var files = new TempFiles();
        var run = await CliRunner.RunAsync("grade", "--benchmark", "humaneval", "--problems", files.Write("he.jsonl", HumanEval), "--predictions", files.Write("p.jsonl", "{\"id\": \"HumanEval/0\", \"output\": \"x\"}\n"), "--timeout", timeout);
        AssertClean(run, 2, "--timeout", "is not a number of seconds");
    }

    [Theory]
    [InlineData("humaneval", "1,x")]
    [InlineData("gsm8k", "1,x")]
    [InlineData("mbpp", "0")]
    [InlineData("math", "1,,10")]
    public async Task GradeMalformedK_IsAUsageError_ForEveryBenchmark(string benchmark, string k)
    {
        using var files = new TempFiles();
        var run = await CliRunner.RunAsync("grade", "--benchmark", benchmark, "--problems", files.Write("p.jsonl", HumanEval), "--predictions", files.Write("x.jsonl", string.Empty), "--k", k);
        AssertClean(run, 2, "--k", "is not a positive whole number");
    }

    [Fact]
    public async Task HumanEvalWithANonStringTest_NamesFileLineAndField()
    {
        using var files = new TempFiles();
        string problems = files.Write("he.jsonl", HumanEval + HumanEval.Replace("HumanEval/0", "HumanEval/1", StringComparison.Ordinal).Replace("\"test\": \"def check(c):\\n    assert c() == 1\\n\"", "\"test\": 5", StringComparison.Ordinal));
        var run = await CliRunner.RunAsync("grade", "--benchmark", "humaneval", "--problems", problems, "--predictions", files.Write("p.jsonl", "{\"id\": \"HumanEval/0\", \"output\": \"x\"}\n"));
        AssertClean(run, 3, $"{problems}:2: field 'test': must be a string");
    }

    [Fact]
    public async Task GradeWithAnEmptyProblemsFile_BlamesTheProblemsFile()
    {
        using var files = new TempFiles();
        string problems = files.Write("empty.jsonl", string.Empty);
        var run = await CliRunner.RunAsync("grade", "--benchmark", "gsm8k", "--problems", problems, "--predictions", files.Write("p.jsonl", "{\"id\": 0, \"output\": \"1\"}\n"));
        AssertClean(run, 3, $"{problems}: the file has no gsm8k problems");
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\n\n")]
    public async Task GenerateWithNoSeeds_IsADataError_AndWritesNoOutput(string seeds)
    {
        using var files = new TempFiles();
        string seed = files.Write("seed.json", seeds);
        var run = await CliRunner.RunAsync("generate", "--method", "response-generation", "--domain", "math", "--seed", seed, "--model", "m", "--endpoint", _server.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--out", files.PathOf("out.jsonl"));
        AssertClean(run, 3, seed, "no seed instances");
        Assert.Empty(Directory.GetFiles(files.Root, "out.jsonl*"));
        Assert.Equal(0, _server.ChatCompletionsServed);
    }

    [Fact]
    public async Task ScoreOnEmptyData_FailsAndKeepsThePreviousOutput()
    {
        using var files = new TempFiles();
        string previous = files.Write("metrics.json", "{\"metrics\": {\"kept\": 1}}");
        var run = await CliRunner.RunAsync("score", "--data", files.Write("empty.jsonl", string.Empty), "--domain", "math", "--metrics", "response-quality", "--judge-model", "j", "--judge-endpoint", _server.Endpoint.ToString(), "--out", previous);
        AssertClean(run, 3, "no instances to score");
        Assert.Equal("{\"metrics\": {\"kept\": 1}}", File.ReadAllText(previous));
    }

    [Fact]
    public async Task ScoreWhenEveryJudgeCallFails_ExitsNonZero_AndWritesNothing()
    {
        using var files = new TempFiles();
        _server.Chat = _ => "no score here at all";
        string data = files.Write("gen.jsonl", "{\"instruction\": \"q1\", \"response\": \"a1\"}\n{\"instruction\": \"q2\", \"response\": \"a2\"}\n");
        var run = await CliRunner.RunAsync("score", "--data", data, "--domain", "math", "--metrics", "response-quality", "--judge-model", "j", "--judge-endpoint", _server.Endpoint.ToString(), "--judge-api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--out", files.PathOf("m.json"));
        AssertClean(run, 1, "response-quality: every one of 2 item(s) failed");
        Assert.False(File.Exists(files.PathOf("m.json")));
    }

    [Fact]
    public async Task PgrCsv_NeutralizesFormulaCells_ButKeepsNegativeNumbers()
    {
        using var files = new TempFiles();
        var run = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", Scores), "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var cells = run.Output.Split('\n').SelectMany(line => line.Split(',')).ToArray();
        Assert.DoesNotContain(cells, c => c.TrimStart('"').StartsWith('=') || c.StartsWith('@'));
        Assert.Contains("\"'=HYPERLINK(", run.Output, StringComparison.Ordinal);
        Assert.Contains("'@cmd", run.Output, StringComparison.Ordinal);
        Assert.Contains(",-25,", run.Output, StringComparison.Ordinal); // @cmd: 100·(30−40)/(80−40), a number, not escaped
    }

    [Fact]
    public async Task MalformedJson_IsReportedWithFileAndLine_NotTheSerializersWording()
    {
        using var files = new TempFiles();
        string predictions = files.Write("p.jsonl", "{\"id\": 0, \"output\": \"1\"}\n{\"id\": 1, \"output\": \n");
        string problems = files.Write("gsm.jsonl", "{\"question\": \"1+0?\", \"answer\": \"#### 1\"}\n{\"question\": \"1+1?\", \"answer\": \"#### 2\"}\n");
        var run = await CliRunner.RunAsync("grade", "--benchmark", "gsm8k", "--problems", problems, "--predictions", predictions);
        AssertClean(run, 3, $"{predictions}:2", "not valid JSON");
        Assert.DoesNotContain("LineNumber", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", run.Error, StringComparison.Ordinal);

        var escaped = CommandRunner.Describe(new JsonException("'x' is invalid after a value. Expected either ',', '}', or ']'. LineNumber: 0 | BytePositionInLine: 12.", "$.a", 0, 12));
        Assert.Equal(3, escaped.Code);
        Assert.Equal("error: JSON input:1: not valid JSON: 'x' is invalid after a value. Expected either ',', '}', or ']' (column 13, field '$.a')", escaped.Message);
    }

    [Fact]
    public async Task OptionProblems_NameTheCommandLineOptions_NotTheLibraryProperties()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", "{\"instruction\": \"q\", \"response\": \"a\"}\n");
        var train = await CliRunner.RunAsync("train", "--trainer", "command", "--data", data, "--base-model", "m", "--command", "echo {output_dir}", "--batch-size", "0", "--out", files.PathOf("s.json"));
        AssertClean(train, 3, "--command must use {data}", "--batch-size");
        Assert.DoesNotContain("CommandTemplate", train.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("BatchSize", train.Error, StringComparison.Ordinal);

        var generate = await CliRunner.RunAsync("generate", "--method", "instance-generation", "--domain", "math", "--seed", data, "--model", "m", "--max-attempts", "0", "--out", files.PathOf("o.jsonl"));
        AssertClean(generate, 3, "--count is required", "--max-attempts must be at least 1");
        Assert.DoesNotContain("Count is", generate.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("MaxAttempts", generate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainResultWithoutEndpointOrModelPath_IsRejected()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", "{\"instruction\": \"q\", \"response\": \"a\"}\n");
        string script = files.Write("train.sh", "#!/bin/sh\nprintf '{\"model_id\": \"s\"}' > \"$2/result.json\"\n");
        var run = await CliRunner.RunAsync("train", "--trainer", "command", "--data", data, "--base-model", "m", "--command", $"sh {script} {{data}} {{output_dir}}", "--work-dir", files.PathOf("work"), "--out", files.PathOf("student.json"));
        AssertClean(run, 3, "neither \"endpoint\"", "nor \"model_path\"");
        Assert.False(File.Exists(files.PathOf("student.json")));
    }

    [Fact]
    public async Task ARefusedConnection_SaysSo_WithTheEndpoint()
    {
        // A port that was free a moment ago: nothing listens there.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpClient();
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://127.0.0.1:{port}/v1/models")));
        var (code, message) = CommandRunner.Describe(new InvalidOperationException("the endpoint failed", ex));
        Assert.Equal(CliExitCodes.Network, code);
        Assert.Contains("connection refused", message, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", message, StringComparison.Ordinal);

        var bare = CommandRunner.Describe(new SocketException((int)SocketError.ConnectionRefused));
        Assert.Equal(CliExitCodes.Network, bare.Code);
    }

    [Fact]
    public void AnUnexpectedFailure_IsOneLineWithoutAStackTrace()
    {
        Exception thrown;
        try
        {
            throw new InvalidOperationException("something odd");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        var (code, message) = CommandRunner.Describe(thrown);
        Assert.Equal(CliExitCodes.Failure, code);
        Assert.Equal("error: unexpected failure (InvalidOperationException): something odd", message);
        Assert.Equal(CliExitCodes.Failure, CommandRunner.Describe(new UnauthorizedAccessException("x")).Code);
    }

    [Fact]
    public void GenerationSummary_PrintsItsRejections_NotATypeName()
    {
        var summary = new GenerationSummary { Accepted = 3, RejectedByReason = new Dictionary<string, int> { ["too-long"] = 2, ["parse-failed"] = 1 }, Cost = 0.5m };
        string text = summary.ToString();
        Assert.DoesNotContain("Dictionary", text, StringComparison.Ordinal);
        Assert.Contains("rejected: too-long 2, parse-failed 1", text, StringComparison.Ordinal);
        Assert.Contains("accepted 3", text, StringComparison.Ordinal);
        Assert.Contains("cost $0.5000", text, StringComparison.Ordinal);
    }

    internal static void AssertClean((int ExitCode, string Output, string Error) run, int exitCode, params string[] expected)
    {
        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}: {run.Error}{run.Output}");
        foreach (string text in expected)
        {
            Assert.Contains(text, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", run.Error, StringComparison.Ordinal);
    }
}
