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

        // A started process stays inside: same namespaces, same read-only view, no host files.
        string target = Path.Combine(Path.GetTempPath(), "agorabench-escape-" + Guid.NewGuid().ToString("N"));
        var again = await Run($"import subprocess\nr = subprocess.run(['sh', '-c', 'touch {target}; cat /etc/shadow; id -u'], capture_output=True, text=True)\nprint(r.stdout)\n");
        Assert.True(again.Passed, again.Stderr);
        Assert.False(File.Exists(target));
        Assert.DoesNotContain("root:", again.Stdout, StringComparison.Ordinal);
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
        // The program's /tmp is its own: a write there succeeds but never reaches the host's /tmp.
        string inTmp = Path.Combine(Path.GetTempPath(), "agorabench-escape-" + Guid.NewGuid().ToString("N"));
        string elsewhere = Path.Combine(Directory.GetCurrentDirectory(), "agorabench-escape-" + Guid.NewGuid().ToString("N"));
        var tmp = await Run($"with open({Quote(inTmp)}, 'w') as f:\n    f.write('escaped')\n");
        var result = await Run($"with open({Quote(elsewhere)}, 'w') as f:\n    f.write('escaped')\n");
        var viaOs = await Run($"import os\nfd = os.open({Quote(elsewhere)}, os.O_WRONLY | os.O_CREAT)\nos.write(fd, b'x')\n");

        Assert.True(tmp.Passed, tmp.Stderr);
        Assert.False(result.Passed);
        Assert.False(viaOs.Passed);
        Assert.False(File.Exists(inTmp));
        Assert.False(File.Exists(elsewhere));
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
    public async Task TheFolder_IsPrivate_AndStartsEmptyEachTime()
    {
        var first = await Run("import os\nopen('mark', 'w').write('x')\nprint(os.getcwd())\n");
        var second = await Run("import os\nassert not os.path.exists('mark'), os.listdir('.')\n");
        Assert.True(first.Passed, first.Stderr);
        Assert.True(second.Passed, second.Stderr);
    }

    private static string Quote(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
