using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

/// <summary>
/// The containment suite: every hostile program, graded as one HumanEval answer among honest ones in a single run,
/// is graded failed, changes no other verdict, leaves no process, file or shared-memory object behind, reads no
/// secret, writes nothing outside its folder and ends in bounded time. It runs twice: with the sandbox server as the
/// test's own user (root in CI) and as an ordinary user (<see cref="SandboxContainmentAsOrdinaryUserTests"/>).
/// </summary>
public abstract class SandboxContainmentChecks(SandboxContainmentFixture run)
{
    public static TheoryData<string> Attacks => [.. SandboxContainmentFixture.AttackNames];

    [Theory]
    [MemberData(nameof(Attacks), MemberType = typeof(SandboxContainmentChecks))]
    public void HostileProgram_IsGradedFailed_InBoundedTime(string attack)
    {
        var item = run.Item("x/" + attack);
        Assert.False(item.Correct, $"{attack} was graded passed");
        var result = run.Result("x/" + attack);
        Assert.True(result.Seconds < SandboxContainmentFixture.Timeout.TotalSeconds + 10, $"{attack} took {result.Seconds} s");
    }

    [Fact]
    public void HonestVerdicts_AreUnchanged_AmongTheHostilePrograms()
    {
        var honest = run.Ids.Where(id => id.StartsWith("h/", StringComparison.Ordinal)).ToArray();
        Assert.True(honest.Length >= 10);
        foreach (string id in honest)
        {
            bool wrong = id.StartsWith("h/wrong", StringComparison.Ordinal);
            Assert.True(run.Item(id).Correct != wrong, $"{id} should {(wrong ? "fail" : "pass")}: {run.Result(id).Stderr}");
        }
    }

    [Fact]
    public void NoSecret_ReachesAnyOutput_OrTheGrade()
    {
        foreach (string secret in new[] { run.ApiKey, run.HubToken })
        {
            Assert.DoesNotContain(secret, run.AllOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, run.GradeJson, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("SHADOW:", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TheTests_AreOutOfTheProgramsReach()
    {
        Assert.DoesNotContain(run.TestsCanary, run.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("TRACED", run.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("MOUNTED", run.AllOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("PROCSYS-OPEN", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingIsWritten_OutsideTheProgramsFolder()
    {
        Assert.Empty(run.HostEntriesNamedWithToken());
        Assert.Equal(run.BashrcBefore, run.BashrcAfter);
        Assert.Equal("ORIGINAL", File.ReadAllText(run.OutFile));
    }

    [Fact]
    public void NoProcess_Survives_AndTheGraderLives()
    {
        Assert.Empty(run.SurvivingDaemons);
        Assert.True(Environment.HasShutdownStarted is false);
    }

    [Fact]
    public void NoConnection_ReachesTheHost()
    {
        Assert.False(run.UnixAccepted, "a program connected to a host AF_UNIX socket");
        Assert.False(run.TcpAccepted, "a program connected to a host TCP listener");
        Assert.DoesNotContain("CONNECTED", run.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRun_EndsInBoundedTime() => Assert.InRange(run.Elapsed.TotalSeconds, 0, 240);
}

/// <summary>The suite with the sandbox server started as the test's own user (root in CI: cgroups and all namespaces).</summary>
[Collection(SandboxContainmentFixture.Collection)]
public sealed class SandboxContainmentTests(SandboxContainmentFixture run) : SandboxContainmentChecks(run)
{
}

/// <summary>
/// The same suite with the sandbox server started as an ordinary user: as uid/gid 65534 through <c>setpriv</c> with no
/// capabilities when the tests run as root, or as the test's own user when that is not root. The isolation then rests
/// on an unprivileged user namespace and resource limits (no writable cgroup).
/// </summary>
[Collection(SandboxContainmentFixture.Collection)]
public sealed class SandboxContainmentAsOrdinaryUserTests(OrdinaryUserSandboxContainmentFixture run) : SandboxContainmentChecks(run)
{
    [Fact]
    public void TheServer_RanAsAnOrdinaryUser()
    {
        Assert.Matches("^[0-9]+$", run.ServerUid);
        Assert.NotEqual("0", run.ServerUid);
    }
}

/// <summary>Grades all hostile programs once (among honest answers) and records what the host looks like afterwards.</summary>
public class SandboxContainmentFixture : IAsyncLifetime, IDisposable
{
    public const string Collection = "sandbox containment";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    private static readonly Dictionary<string, string> AttackPrograms = BuildAttacks();

    private readonly string _token = "k" + Guid.NewGuid().ToString("N")[..9];
    private readonly TempDirectory _folder = new();
    private readonly string? _previousKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
    private readonly string? _previousToken = Environment.GetEnvironmentVariable("HF_TOKEN");
    private CodeGradeResult? _grade;
    private string[] _ids = [];

    public static IEnumerable<string> AttackNames => AttackPrograms.Keys;

    public string ApiKey => "sk-" + _token + "-apikey";

    public string HubToken => "hf_" + _token + "hubtoken";

    public string TestsCanary => "tests-canary-" + _token;

    public string OutFile => _folder.File("grade.json");

    public string BashrcBefore { get; private set; } = string.Empty;

    public string BashrcAfter { get; private set; } = string.Empty;

    public string AllOutput { get; private set; } = string.Empty;

    public string GradeJson { get; private set; } = string.Empty;

    public bool UnixAccepted { get; private set; }

    public bool TcpAccepted { get; private set; }

    public IReadOnlyList<string> SurvivingDaemons { get; private set; } = [];

    public TimeSpan Elapsed { get; private set; }

    private static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public IReadOnlyList<string> Ids => _ids;

    internal BenchmarkItemGrade Item(string id) => _grade!.Grade.Items.Single(i => i.Id == id);

    internal SandboxResult Result(string id) => _grade!.Runs[Array.IndexOf(_ids, id)];

    public IReadOnlyList<string> HostEntriesNamedWithToken()
    {
        var found = new List<string>();
        foreach (string dir in new[] { Path.GetTempPath(), "/dev/shm", Directory.GetCurrentDirectory(), Home, _folder.Path })
        {
            if (Directory.Exists(dir))
            {
                found.AddRange(Directory.EnumerateFileSystemEntries(dir).Where(e => e.Contains(_token, StringComparison.Ordinal)));
            }
        }

        return found;
    }

    public virtual async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", ApiKey);
        Environment.SetEnvironmentVariable("HF_TOKEN", HubToken);
        File.WriteAllText(OutFile, "ORIGINAL");
        string bashrc = Path.Combine(Home, ".bashrc");
        BashrcBefore = File.Exists(bashrc) ? File.ReadAllText(bashrc) : "(absent)";

        string socketPath = _folder.File("host.sock");
        using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        unix.Bind(new UnixDomainSocketEndPoint(socketPath));
        unix.Listen(8);
        var unixAccept = unix.AcceptAsync();
        using var tcp = new TcpListener(IPAddress.Loopback, 0);
        tcp.Start();
        int port = ((IPEndPoint)tcp.LocalEndpoint).Port;
        var tcpAccept = tcp.AcceptTcpClientAsync();

        var problems = new List<BenchmarkProblem>();
        var predictions = new List<Prediction>();
        void Add(string id, string prompt, string test, string entry, string answer)
        {
            problems.Add(Problem(id, prompt, test, entry));
            predictions.Add(new Prediction(id, [answer], 0));
        }

        string doubleTest = "def check(candidate):\n    # " + TestsCanary + "\n    assert candidate(2) == 4\n    assert candidate(-3) == -6\n"
            + "    assert abs(candidate(1.5) - 3.0) < 1e-9\n    assert isinstance(candidate(10), int) and candidate(10) == 20\n"
            + "    assert len([candidate(0)]) == 1 and candidate(0) == 0\n    for i in range(3):\n        assert candidate(i) == 2 * i\n"
            + "    assert all(map(lambda v: candidate(v) == 2 * v, [4, 5]))\n";
        var honest = new (string Id, string Prompt, string Test, string Entry, string Answer)[]
        {
            ("h/add", "def add(a, b):\n", "def check(candidate):\n    assert candidate(2, 3) == 5\n    assert candidate(-1, 1) == 0\n", "add", "    return a + b\n"),
            ("h/rev", "def rev(s):\n", "def check(candidate):\n    assert candidate('abc') == 'cba'\n    assert candidate('') == ''\n", "rev", "    return s[::-1]\n"),
            ("h/double", "def double(x):\n", doubleTest, "double", "    return 2 * x\n"),
            ("h/maxl", "def maxl(xs):\n", "def check(candidate):\n    assert candidate([1, 5, 2]) == 5\n    assert candidate((-1,)) == -1\n", "maxl", "    return max(xs)\n"),
            ("h/wrong", "def double(x):\n", doubleTest, "double", "    return x\n"),
        };
        int h = 0;
        foreach (var (name, program) in AttackPrograms)
        {
            string code = program
                .Replace("{TOKEN}", _token, StringComparison.Ordinal)
                .Replace("{OUT}", OutFile, StringComparison.Ordinal)
                .Replace("{SOCK}", socketPath, StringComparison.Ordinal)
                .Replace("{PORT}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{HOME}", Home, StringComparison.Ordinal)
                .Replace("{CWD}", Directory.GetCurrentDirectory(), StringComparison.Ordinal)
                .Replace("{HOSTTMP}", Path.GetTempPath(), StringComparison.Ordinal)
                .Replace("{FOLDER}", _folder.Path, StringComparison.Ordinal)
                .Replace("{GRADER}", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Add("x/" + name, "def double(x):\n", doubleTest, "double", "```python\n" + code + "\n```");
            if (problems.Count % 4 == 0)
            {
                var (id, prompt, test, entry, answer) = honest[h++ % honest.Length];
                Add(id + "#" + h, prompt, test, entry, answer);
            }
        }

        foreach (var (id, prompt, test, entry, answer) in honest)
        {
            Add(id, prompt, test, entry, answer);
        }

        _ids = [.. problems.Select(p => p.Id)];
        var clock = Stopwatch.StartNew();
        using (var sandbox = new PythonSandbox(new PythonSandboxOptions { Workers = 2, Python = Python(_folder.Path) }))
        {
            _grade = await CodeBenchmarkGrader.GradeAsync(
                "humaneval",
                problems,
                predictions,
                sandbox,
                new SandboxLimits { Timeout = Timeout, MemoryMegabytes = 256, Processes = 16 });
        }

        Elapsed = clock.Elapsed;
        GradeJson = _grade.Grade.ToJson("humaneval");
        AllOutput = string.Join("\n", _grade.Runs.Select(r => r.Stdout + "\n" + r.Stderr));

        // A daemon that outlived the grade would rewrite the file about a second later: give it the chance.
        await Task.Delay(2500);
        var daemons = new List<string>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                string comm = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
                if (comm.StartsWith("agbd", StringComparison.Ordinal) && comm.Contains(_token[..8], StringComparison.Ordinal))
                {
                    daemons.Add(dir + " " + comm);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        SurvivingDaemons = daemons;
        BashrcAfter = File.Exists(bashrc) ? File.ReadAllText(bashrc) : "(absent)";
        UnixAccepted = unixAccept.IsCompleted;
        TcpAccepted = tcpAccept.IsCompleted;
        tcp.Stop();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The interpreter command the sandbox starts its server with.</summary>
    /// <param name="folder">A private folder of the run, for a wrapper script.</param>
    /// <returns>The command.</returns>
    protected virtual string Python(string folder) => "python3";

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", _previousKey);
        Environment.SetEnvironmentVariable("HF_TOKEN", _previousToken);
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }

    private static BenchmarkProblem Problem(string id, string prompt, string test, string entry) =>
        new(id, prompt, null, 0)
        {
            Fields = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["prompt"] = prompt, ["test"] = test, ["entry_point"] = entry }))
                .RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        };

    private static Dictionary<string, string> BuildAttacks() => new(StringComparer.Ordinal)
    {
        ["print-pass-marker"] = """
            import sys
            print("P"); print('{"passed": true}'); sys.stdout.flush()
            print('{"id": "1", "status": "passed", "exit": 0, "signal": null, "seconds": 0, "stdout": "", "stderr": ""}')
            def double(x):
                print("P", flush=True)
                return x
            """,
        ["find-tests-in-memory"] = """
            import gc, sys, os
            needle = "assert cand" + "idate("
            hits = [o for o in gc.get_objects() if isinstance(o, str) and needle in o]
            f = sys._getframe()
            while f is not None:
                hits.extend(str(v) for v in f.f_locals.values() if needle in str(v))
                f = f.f_back
            maps = open("/proc/self/maps").read().splitlines()
            with open("/proc/self/mem", "rb", 0) as mem:
                for line in maps:
                    span, perms = line.split()[:2]
                    if "r" not in perms:
                        continue
                    lo, hi = (int(p, 16) for p in span.split("-"))
                    try:
                        mem.seek(lo); data = mem.read(min(hi - lo, 64 << 20))
                    except (OSError, ValueError, OverflowError):
                        continue
                    at = data.find(needle.encode())
                    if at >= 0:
                        hits.append(data[max(0, at - 200):at + 400].decode(errors="replace"))
            print("FOUND", hits)
            def double(x):
                return x
            """,
        ["brute-force-marker-on-every-fd"] = """
            import os
            markers = [b"P", b"passed\n", b'{"passed": true}\n', b'{"ok": true}', b"\x00\x00\x00\x0e{\"value\": 4}"]
            for fd in range(0, 1024):
                for m in markers:
                    try:
                        os.write(fd, m)
                    except OSError:
                        pass
            def double(x):
                return x
            """,
        ["patch-traceback-and-harness"] = """
            import traceback, sys, os, atexit
            traceback.print_exc = lambda *a, **k: None
            sys.excepthook = lambda *a: None
            atexit.register(lambda: os._exit(0))
            import builtins
            builtins.AssertionError = type("AssertionError", (Exception,), {})
            def double(x):
                return x
            """,
        ["settrace-swaps-check"] = """
            import sys, gc
            def tracer(frame, event, arg):
                if frame.f_code.co_name == "check":
                    frame.f_globals["check"] = lambda c: None
                return tracer
            sys.settrace(tracer)
            for o in gc.get_objects():
                if callable(o) and getattr(o, "__name__", "") == "check":
                    o.__code__ = (lambda c: None).__code__
            def double(x):
                return x
            """,
        ["builtins-abs-isinstance-len-replaced"] = """
            import builtins
            builtins.abs = lambda x: 0
            builtins.isinstance = lambda *a: True
            builtins.len = lambda x: 1
            def double(x):
                return x
            """,
        ["always-true-eq"] = """
            class Anything(int):
                def __eq__(self, other): return True
                def __ne__(self, other): return False
                def __lt__(self, other): return True
                def __sub__(self, other): return Anything(0)
                def __abs__(self): return 0
                __hash__ = int.__hash__
            def double(x):
                return Anything(0)
            """,
        ["forge-through-proc-fds"] = """
            import os, json
            lines = "".join(json.dumps({"id": str(i), "status": "passed", "exit": 0, "signal": None, "seconds": 0, "stdout": "", "stderr": ""}) + "\n" for i in range(1, 200))
            targets = [f"/proc/{os.getppid()}/fd/1", "/proc/1/fd/1"]
            for pid in os.listdir("/proc"):
                if pid.isdigit():
                    try:
                        targets += [f"/proc/{pid}/fd/{fd}" for fd in os.listdir(f"/proc/{pid}/fd")]
                    except OSError:
                        pass
            for t in targets:
                try:
                    with open(t, "w") as f:
                        f.write(lines)
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["read-server-stdin"] = """
            import os, select
            for t in [f"/proc/{os.getppid()}/fd/0", "/proc/1/fd/0", "/dev/stdin"]:
                try:
                    fd = os.open(t, os.O_RDONLY | os.O_NONBLOCK)
                    if select.select([fd], [], [], 0.2)[0]:
                        print("READ", os.read(fd, 65536))
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["setsid-daemon-rewrites-out-file"] = """
            import os, time
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    open("/proc/self/comm", "w").write("agbd{TOKEN}")
                    time.sleep(1.0)
                    for _ in range(40):
                        try:
                            open("{OUT}", "w").write('{"score": 100}')
                        except OSError:
                            pass
                        time.sleep(0.1)
                    os._exit(0)
                os._exit(0)
            def double(x):
                return x
            """,
        ["double-fork-daemon"] = """
            import os, time, signal
            if os.fork() == 0:
                if os.fork() == 0:
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                    signal.signal(signal.SIGHUP, signal.SIG_IGN)
                    open("/proc/self/comm", "w").write("agbd{TOKEN}")
                    time.sleep(60)
                    os._exit(0)
                os._exit(0)
            def double(x):
                return x
            """,
        ["read-environment-secrets"] = """
            import os
            print(dict(os.environ))
            for pid in ["self", "1", str(os.getppid()), "{GRADER}"] + os.listdir("/proc"):
                try:
                    print(pid, open(f"/proc/{pid}/environ", "rb").read())
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["read-etc-shadow-and-homes"] = """
            import os
            for path in ["/etc/shadow", "/etc/passwd", "{HOME}/.bashrc"]:
                try:
                    print("SHADOW:" if "shadow" in path else "FILE:", open(path).read())
                except OSError:
                    pass
            for d in ["{HOME}", "/home", "{CWD}", "{FOLDER}"]:
                try:
                    print("LIST", d, os.listdir(d))
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["write-outside-the-folder"] = """
            import os
            for path in ["{HOME}/.bashrc", "{HOSTTMP}{TOKEN}-tmp", "{CWD}/{TOKEN}-cwd", "{FOLDER}/{TOKEN}-dir", "/{TOKEN}-root", "/usr/{TOKEN}"]:
                try:
                    with open(path, "a") as f:
                        f.write("# {TOKEN}\n")
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["mount-tmpfs-on-a-host-path"] = """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            for target in [b"/usr", b"/tmp", b"{CWD}", b"{HOSTTMP}"]:
                if libc.mount(b"tmpfs", target, b"tmpfs", 0, None) == 0:
                    print("MOUNTED", target)
            if libc.unshare(0x10000000 | 0x00020000) == 0 and libc.mount(b"tmpfs", b"/usr", b"tmpfs", 0, None) == 0:
                print("MOUNTED in a nested namespace")
            def double(x):
                return x
            """,
        ["ptrace-the-server"] = """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            pids = {os.getppid(), 1, {GRADER}} | {int(p) for p in os.listdir("/proc") if p.isdigit()}
            for pid in pids - {os.getpid()}:
                if libc.ptrace(16, pid, 0, 0) == 0:
                    print("TRACED", pid)
            def double(x):
                return x
            """,
        ["signal-the-server-and-grader"] = """
            import os, signal
            for pid in [os.getppid(), {GRADER}, -1] + [int(p) for p in os.listdir("/proc") if p.isdigit()]:
                for sig in (signal.SIGSTOP, signal.SIGKILL):
                    try:
                        if pid not in (0, os.getpid()):
                            os.kill(pid, sig)
                    except OSError:
                        pass
            def double(x):
                return x
            """,
        ["unix-socket-to-the-host"] = """
            import socket
            for path in ["{SOCK}", "/run/docker.sock", "/var/run/docker.sock", "\0{TOKEN}", "/tmp/.X11-unix/X0"]:
                try:
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    s.connect(path)
                    print("CONNECTED", path)
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["open-proc-sys-for-writing"] = """
            for path in ["/proc/sys/kernel/core_pattern", "/proc/sys/vm/drop_caches", "/proc/sysrq-trigger", "/proc/sys/kernel/hostname", "/proc/sys/user/max_user_namespaces"]:
                try:
                    open(path, "w")
                    print("PROCSYS-OPEN", path)
                except OSError:
                    pass
            def double(x):
                return x
            """,
        ["fork-bomb"] = """
            import os
            def double(x):
                return x
            while True:
                try:
                    os.fork()
                except OSError:
                    pass
            """,
        ["memory-fill-in-several-processes"] = """
            import os
            for _ in range(3):
                os.fork()
            hoard = []
            try:
                while True:
                    hoard.append(bytearray(32 << 20))
            except MemoryError:
                pass
            def double(x):
                return x
            """,
        ["disk-fill"] = """
            import os
            chunk = b"x" * (1 << 20)
            for path in ["big", "/tmp/big2", "/dev/shm/big", "{HOSTTMP}{TOKEN}-big"]:
                try:
                    with open(path, "wb") as f:
                        while True:
                            f.write(chunk)
                except (OSError, MemoryError):
                    pass
            def double(x):
                return x
            """,
        ["network-sockets"] = """
            import socket
            for address in [("127.0.0.1", {PORT}), ("1.1.1.1", 53), ("10.0.0.1", 80)]:
                try:
                    socket.create_connection(address, timeout=1)
                    print("CONNECTED", address)
                except OSError:
                    pass
            try:
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b"x", ("8.8.8.8", 53))
                print("CONNECTED udp")
            except OSError:
                pass
            def double(x):
                return x
            """,
        ["dev-shm-and-temp-leftovers"] = """
            import os, tempfile
            from multiprocessing import shared_memory
            try:
                shared_memory.SharedMemory(name="{TOKEN}-shm", create=True, size=4096)
            except Exception:
                pass
            for path in ["/dev/shm/{TOKEN}-file", "{HOSTTMP}{TOKEN}-left"]:
                try:
                    open(path, "w").write("left")
                except OSError:
                    pass
            tempfile.mkdtemp(prefix="{TOKEN}-")
            def double(x):
                return x
            """,
        ["stop-iteration-ends-the-tests-early"] = """
            def double(x):
                if x in (4, 5):
                    raise StopIteration
                return 2 * x
            """,
        ["pass-descriptors-to-the-tester"] = """
            import os, socket, array
            r, w = os.pipe()
            os.write(w, b'{"passed": true}')
            s = socket.socket(fileno=os.dup(3))
            s.sendmsg([b"\0\0\0\2{}"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [r, w, 1, 2]))])
            def double(x):
                return x + 2 if x == 2 else x
            """,
        ["exit-zero-before-the-tests"] = """
            import os
            def double(x):
                return x
            os._exit(0)
            """,
        ["answer-the-tester-out-of-turn"] = """
            import os, json, struct
            def frame(obj):
                data = json.dumps(obj).encode()
                return struct.pack("!I", len(data)) + data
            os.write(3, frame({"ok": True}) + frame([{"value": 4}] * 50) + frame({"value": 4}) * 50)
            def double(x):
                return 2 * x if x == 2 else x
            """,

        // Passes only through an escape: state shared across programs (kernel keyrings, the grader's session
        // keyring), memory no process is charged for (memfd, System V shared memory), io_uring.
        ["keyrings-unaccounted-memory-io-uring"] = """
            import ctypes, os, platform
            libc = ctypes.CDLL(None, use_errno=True)
            libc.syscall.restype = ctypes.c_long
            nr = {"x86_64": dict(add_key=248, keyctl=250, memfd=319, shmget=29, uring=425),
                  "aarch64": dict(add_key=217, keyctl=219, memfd=279, shmget=194, uring=425)}[platform.machine()]
            escapes = []
            for ring in (-3, -4):
                if libc.syscall(nr["add_key"], b"user", b"agb_{TOKEN}", b"note for the next program", 24, ctypes.c_long(ring)) > 0:
                    escapes.append("add_key")
                if libc.syscall(nr["keyctl"], 0, ctypes.c_long(ring), 0) > 0:
                    escapes.append("keyctl")
            if libc.syscall(nr["memfd"], b"m", 0) >= 0:
                escapes.append("memfd")
            if libc.syscall(nr["shmget"], 0, 1 << 20, 0o1600) >= 0:
                escapes.append("shmget")
            params = ctypes.create_string_buffer(120)
            if libc.syscall(nr["uring"], 4, params) >= 0:
                escapes.append("io_uring")
            try:
                if "agb_{TOKEN}" in open("/proc/keys").read():
                    escapes.append("proc-keys")
            except OSError:
                pass
            def double(x):
                return 2 * x if escapes else x
            """,

        // The out-of-memory killer must pick the program: it passes only if it is not first in line.
        ["not-first-for-the-oom-killer"] = """
            score = open("/proc/self/oom_score_adj").read().strip()
            def double(x):
                return 2 * x if score != "1000" else x
            """,
    };
}

/// <summary>One collection, so the two grades (own user, ordinary user) run one after the other, each with its own canaries.</summary>
[CollectionDefinition(SandboxContainmentFixture.Collection)]
public sealed class SandboxContainmentGroup : ICollectionFixture<SandboxContainmentFixture>, ICollectionFixture<OrdinaryUserSandboxContainmentFixture>
{
}

/// <summary>Runs the suite's grade with the sandbox server as an ordinary user (uid/gid 65534 when the tests run as root).</summary>
public sealed class OrdinaryUserSandboxContainmentFixture : SandboxContainmentFixture
{
    private readonly List<string> _delegated = [];
    private string _uidFile = string.Empty;

    /// <summary>Gets the uid the sandbox server's wrapper ran as.</summary>
    public string ServerUid { get; private set; } = string.Empty;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ServerUid = File.Exists(_uidFile) ? File.ReadAllText(_uidFile).Trim() : string.Empty;
        foreach (string dir in _delegated)
        {
            try
            {
                Directory.Delete(dir); // empty once the sandbox stopped (it removes its own cgroup inside)
            }
            catch (IOException)
            {
            }
        }
    }

    protected override string Python(string folder)
    {
        _uidFile = Path.Combine(folder, "server-uid");
        string wrapper = Path.Combine(folder, "python-as-user.sh");
        bool root = geteuid() == 0;
        string asUser = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all " : string.Empty;

        // An interpreter under root's home (a pyenv shim) is out of an ordinary user's reach: use the system one.
        string python = root && File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

        // As systemd delegates a cgroup to a user's session: memory and pids cgroups (v1) owned by uid 65534, the server
        // started inside them, so it can make its per-worker cgroup as that user.
        var delegation = new System.Text.StringBuilder();
        if (root)
        {
            foreach (string controller in new[] { "memory", "pids" })
            {
                string? current = File.ReadAllLines("/proc/self/cgroup").Select(l => l.Split(':', 3)).Where(p => p.Length == 3 && p[1].Split(',').Contains(controller)).Select(p => p[2]).FirstOrDefault();
                if (current is not null && Directory.Exists($"/sys/fs/cgroup/{controller}"))
                {
                    string dir = $"/sys/fs/cgroup/{controller}{current.TrimEnd('/')}/agorabench-delegated-{Path.GetFileName(folder)}";
                    _delegated.Add(dir);
                    delegation.Append(CultureInfo.InvariantCulture, $"mkdir -p '{dir}' && chown -R 65534:65534 '{dir}' && echo $$ > '{dir}/cgroup.procs'\n");
                }
            }
        }

        File.WriteAllText(wrapper, $"#!/bin/sh\n{delegation}{asUser}id -u > '{_uidFile}'\nexec {asUser}{python} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return wrapper;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern uint geteuid();
}


