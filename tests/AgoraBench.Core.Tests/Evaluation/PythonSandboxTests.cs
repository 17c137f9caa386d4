using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgoraBench.Tests.Evaluation;

/// <summary>Each escape is contained, the grader carries on, and leaving early counts as failing.</summary>
public sealed class PythonSandboxTests : IDisposable
{
    private readonly PythonSandbox _sandbox = new(new PythonSandboxOptions { Workers = 2 });

    public void Dispose() => _sandbox.Dispose();

    private Task<SandboxResult> Run(string program, double timeoutSeconds = 5) =>
        _sandbox.RunAsync(program, new SandboxLimits { Timeout = TimeSpan.FromSeconds(timeoutSeconds) });

    [Fact]
    public async Task PassingProgram_Passes_AndItsOutputIsKept()
    {
        var result = await Run("def add(a, b):\n    return a + b\nassert add(2, 3) == 5\nprint('ok')\n");
        Assert.True(result.Passed, result.Stderr);
        Assert.Equal("ok\n", result.Stdout);
    }

    [Fact]
    public async Task FailingAssert_Fails_WithTheTraceback()
    {
        var result = await Run("assert 1 == 2, 'nope'\n");
        Assert.Equal("failed", result.Status);
        Assert.Contains("AssertionError: nope", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InfiniteLoop_TimesOut_AndTheGraderCarriesOn()
    {
        var clock = Stopwatch.StartNew();
        var result = await Run("while True:\n    pass\n", timeoutSeconds: 1);
        Assert.Equal("timeout", result.Status);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 10);
        Assert.True((await Run("assert True\n")).Passed);
    }

    [Fact]
    public async Task ForkBomb_IsContained()
    {
        var result = await Run("import os\nwhile True:\n    os.fork()\n", timeoutSeconds: 2);
        Assert.False(result.Passed);
        var again = await Run("import subprocess\nsubprocess.run(['sh', '-c', 'echo escaped'])\n");
        Assert.False(again.Passed);
        Assert.DoesNotContain("escaped", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allocating10GB_FailsWithAMemoryError()
    {
        var result = await Run("block = bytearray(10 * 1024 ** 3)\n");
        Assert.Equal("failed", result.Status);
        Assert.Contains("MemoryError", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NetworkSocket_IsRefused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accept = listener.AcceptTcpClientAsync();

        var result = await Run($"import socket\ns = socket.create_connection(('127.0.0.1', {port}), timeout=2)\ns.sendall(b'hello')\n");

        Assert.False(result.Passed);
        await Task.Delay(200);
        Assert.False(accept.IsCompleted, "the sandboxed program reached the loopback listener");
    }

    [Fact]
    public async Task WritingOutsideTheFolder_IsRefused_AndNothingIsWritten()
    {
        string target = Path.Combine(Path.GetTempPath(), "agorabench-escape-" + Guid.NewGuid().ToString("N"));
        var result = await Run($"with open({Quote(target)}, 'w') as f:\n    f.write('escaped')\n");
        var viaOs = await Run($"import os\nfd = os.open({Quote(target)}, os.O_WRONLY | os.O_CREAT)\nos.write(fd, b'x')\n");

        Assert.False(result.Passed);
        Assert.False(viaOs.Passed);
        Assert.False(File.Exists(target));
        Assert.True((await Run("open('inside.txt', 'w').write('fine')\nassert open('inside.txt').read() == 'fine'\n")).Passed);
    }

    [Fact]
    public async Task Printing100MB_IsCapped()
    {
        var result = await Run("import sys\nchunk = 'x' * (1024 * 1024)\nfor _ in range(100):\n    sys.stdout.write(chunk)\n", timeoutSeconds: 20);
        Assert.False(result.Passed);
        Assert.True(result.Stdout.Length <= (16 * 1024) + 64, $"kept {result.Stdout.Length} characters");
    }

    [Theory]
    [InlineData("import os\nos._exit(0)\nassert False\n")]
    [InlineData("import sys\nsys.exit(0)\nassert False\n")]
    [InlineData("raise SystemExit(0)\n")]
    public async Task ExitingBeforeTheAsserts_CountsAsAFailure(string program)
    {
        var result = await Run(program);
        Assert.False(result.Passed);
    }

    [Fact]
    public async Task TemporaryFolders_AreRemoved()
    {
        var result = await Run("import os\nprint(os.getcwd())\n");
        Assert.True(result.Passed, result.Stderr);
        Assert.False(Directory.Exists(result.Stdout.Trim()));
    }

    private static string Quote(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
