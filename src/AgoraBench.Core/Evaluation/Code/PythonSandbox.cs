using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace AgoraBench;

/// <summary>
/// Runs untrusted Python (model-written code) against trusted tests in isolated processes, in parallel, fast.
/// </summary>
/// <remarks>
/// <para>Each worker is a warm Python server with two helpers: a tester (trusted) and a zygote that prepares the next
/// candidate process ahead of time. The program runs in the candidate: uid 0 of a user namespace mapped to an
/// unprivileged uid (65534 when the grader is root), its own PID, mount, IPC and network namespaces, a read-only view
/// of the system folders only, a private <c>/tmp</c> (its folder, size-capped) and <c>/dev/shm</c>, no capabilities,
/// no environment, only its own descriptors, and limits on CPU time, memory, file size and processes. The tests run
/// in the tester, which calls the program's functions over a socket and gets back plain data rebuilt as built-in
/// objects; the verdict travels from the tester to the server over a channel no candidate holds. Ending the candidate
/// ends its PID namespace, so nothing it started survives, and each process dies with its parent. See
/// docs/evaluation.md for which mechanism holds each guarantee.</para>
/// <para>Where the kernel refuses user namespaces the sandbox refuses to start, unless
/// <see cref="PythonSandboxOptions.AllowWeakIsolation"/> opts in to a weaker mode (documented there).</para>
/// </remarks>
internal sealed class PythonSandbox : IAsyncDisposable, IDisposable
{
    private readonly PythonSandboxOptions _options;
    private readonly Channel<Worker> _idle;
    private readonly List<Worker> _workers = [];
    private readonly string _script;
    private readonly object _gate = new();
    private int _starting;
    private TaskCompletionSource _slotFreed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="PythonSandbox"/> class. Workers start on first use.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    public PythonSandbox(PythonSandboxOptions? options = null)
    {
        _options = PythonSandboxOptionsValidator.Instance.ThrowIfInvalid(options ?? new PythonSandboxOptions(), nameof(options));

        _idle = Channel.CreateUnbounded<Worker>();
        using var stream = typeof(PythonSandbox).Assembly.GetManifestResourceStream("AgoraBench.Evaluation.Code.sandbox_server.py")!;
        using var reader = new StreamReader(stream);
        _script = reader.ReadToEnd();
    }

    /// <summary>
    /// Runs one self-checking program in the candidate process; it passes when its module body runs to its end. The
    /// program reports that itself, so use this for trusted code and <see cref="RunAsync(PythonTestProgram, SandboxLimits?, CancellationToken)"/>
    /// to grade untrusted code.
    /// </summary>
    /// <param name="program">The Python source.</param>
    /// <param name="limits">Limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for a worker; a program already running finishes within its timeout.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">Python could not be started, or the isolation is not available.</exception>
    internal Task<SandboxResult> RunAsync(string program, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        return RunAsync(new PythonTestProgram(program, string.Empty), limits, cancellationToken);
    }

    /// <summary>
    /// Grades one program: runs it in the isolated candidate process and its tests in the trusted tester; it passes
    /// only when every test ran to its end there.
    /// </summary>
    /// <param name="program">The program and its tests.</param>
    /// <param name="limits">Limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for a worker; a program already running finishes within its timeout.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">Python could not be started, or the isolation is not available.</exception>
    internal async Task<SandboxResult> RunAsync(PythonTestProgram program, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ObjectDisposedException.ThrowIf(_disposed, this);
        limits ??= new SandboxLimits();
        var worker = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Counted(await worker.RunAsync(program, limits).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            worker.Dispose();
            lock (_gate)
            {
                _workers.Remove(worker);
                FreeSlot();
            }

            worker = null;
            return Counted(new SandboxResult("failed", null, null, 0, string.Empty, "the sandbox worker failed and was restarted: " + ex.Message));
        }
        finally
        {
            if (worker is not null)
            {
                _idle.Writer.TryWrite(worker);
            }
        }
    }

    private static SandboxResult Counted(SandboxResult result)
    {
        if (Telemetry.SandboxPrograms.Enabled)
        {
            Telemetry.SandboxPrograms.Add(1, new KeyValuePair<string, object?>(AgoraBenchTelemetry.VerdictAttribute, result.Status));
        }

        return result;
    }

    /// <summary>
    /// Starts every worker now, in the background, instead of on first use: the interpreters start and set up their
    /// isolation while the caller still reads its inputs, so the first programs do not wait for them. Returns at once.
    /// </summary>
    /// <remarks>
    /// A worker that cannot start here is started again by the first program that needs one, which then reports why
    /// (for example that the isolation is not available).
    /// </remarks>
    public void StartWorkers()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count;
        lock (_gate)
        {
            count = _options.Workers - _workers.Count - _starting;
            _starting += Math.Max(0, count);
        }

        for (int i = 0; i < count; i++)
        {
            _ = StartInBackgroundAsync();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the worker processes; each ends its programs and helpers before it exits.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_gate)
        {
            // Every worker is told to stop first, then each is awaited: they end their programs and helpers at the
            // same time instead of one after the other.
            foreach (var worker in _workers)
            {
                worker.BeginStop();
            }

            foreach (var worker in _workers)
            {
                worker.Dispose();
            }

            _workers.Clear();
        }
    }

    private async Task<Worker> AcquireAsync(CancellationToken cancellationToken)
    {
        // Workers start on demand, each on its own thread and outside the lock, so the first programs of a batch
        // start every worker at once instead of one after the other; a caller that finds none idle and no room to
        // start one waits for a worker to come back or for a slot to be freed (a start that failed, a worker removed).
        while (true)
        {
            if (_idle.Reader.TryRead(out var idle))
            {
                return idle;
            }

            bool start = false;
            Task freed;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_workers.Count + _starting < _options.Workers)
                {
                    _starting++;
                    start = true;
                }

                freed = _slotFreed.Task;
            }

            if (start)
            {
                return await StartWorkerAsync().ConfigureAwait(false);
            }

            var returned = _idle.Reader.WaitToReadAsync(cancellationToken).AsTask();
            await Task.WhenAny(returned, freed).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Worker> StartWorkerAsync()
    {
        Worker worker;
        try
        {
            worker = await Task.Run(() => new Worker(_options, _script)).ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                _starting--;
                FreeSlot();
            }

            throw;
        }

        lock (_gate)
        {
            _starting--;
            if (!_disposed)
            {
                _workers.Add(worker);
                return worker;
            }
        }

        worker.Dispose();
        throw new ObjectDisposedException(nameof(PythonSandbox));
    }

    private async Task StartInBackgroundAsync()
    {
        try
        {
            var worker = await StartWorkerAsync().ConfigureAwait(false);
            _idle.Writer.TryWrite(worker);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException or JsonException)
        {
            // The slot is free again; the next program that needs a worker starts one and sees the error itself.
        }
    }

    private void FreeSlot()
    {
        var freed = _slotFreed;
        _slotFreed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        freed.TrySetResult();
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private int _requests;

        public Worker(PythonSandboxOptions options, string script)
        {
            var start = new ProcessStartInfo(options.Python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("-I");
            start.ArgumentList.Add("-S"); // the server adds the site folders itself, without running .pth start-up code
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            if (options.AllowWeakIsolation)
            {
                start.ArgumentList.Add("--allow-weak");
            }

            // Nothing of the grader's environment (API keys, tokens) reaches the server, so none is in the memory
            // the sandboxed processes are forked from.
            string? path = Environment.GetEnvironmentVariable("PATH");
            start.Environment.Clear();
            start.Environment["PATH"] = path ?? "/usr/local/bin:/usr/bin:/bin";
            start.Environment["LANG"] = "C.UTF-8";
            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            try
            {
                _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {options.Python}.");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException($"Could not start the Python interpreter '{options.Python}': {ex.Message}. Install Python 3.10 or later or set PythonSandboxOptions.Python.", ex);
            }

            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            string? hello = _process.StandardOutput.ReadLine();
            string? error = null;
            try
            {
                using var document = hello is null ? null : JsonDocument.Parse(hello);
                var root = document?.RootElement;
                if (root is null || !root.Value.TryGetProperty("ready", out var ready) || ready.ValueKind != JsonValueKind.True)
                {
                    error = root is not null && root.Value.TryGetProperty("error", out var e) ? e.GetString() : "the Python server did not start";
                }
            }
            catch (JsonException)
            {
                error = "the Python server did not start (is it Python 3.10 or later?)";
            }

            if (error is not null)
            {
                Dispose();
                throw new InvalidOperationException(
                    $"The code sandbox cannot isolate programs on this machine ({error}). It needs Linux with user, PID, mount, IPC and network namespaces "
                    + "(for an unprivileged grader: kernel.unprivileged_userns_clone=1 / no AppArmor restriction on user namespaces) and a cgroup it may "
                    + "create with memory and pids limits (root, or a cgroup delegated to the grader's user). "
                    + "To run with weaker bounds instead (see docs/evaluation.md), set PythonSandboxOptions.AllowWeakIsolation "
                    + "or pass --allow-weak-sandbox.");
            }
        }

        public async Task<SandboxResult> RunAsync(PythonTestProgram program, SandboxLimits limits)
        {
            string id = (++_requests).ToString(CultureInfo.InvariantCulture);
            string request = JsonReport.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("program", program.Program);
                json.WriteString("tests", program.Tests);
                json.WriteString("context", program.Context);
                json.WriteStartArray("remote");
                foreach (string name in program.Remote)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteStartObject("aliases");
                foreach (var (alias, name) in program.Aliases)
                {
                    json.WriteString(alias, name);
                }

                json.WriteEndObject();
                json.WriteNumber("processes", limits.Processes);
                json.WriteNumber("timeout", limits.Timeout.TotalSeconds);
                json.WriteNumber("memory_mb", limits.MemoryMegabytes);
                json.WriteNumber("file_mb", limits.FileMegabytes);
                json.WriteNumber("output_kb", limits.OutputKilobytes);
                json.WriteEndObject();
            }).Replace("\n", string.Empty, StringComparison.Ordinal);

            await _process.StandardInput.WriteLineAsync(request).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            string? line = await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false)
                ?? throw new IOException("the sandbox worker exited");
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            int? Int(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
            return new SandboxResult(
                root.GetProperty("status").GetString()!,
                Int("exit"),
                Int("signal"),
                root.GetProperty("seconds").GetDouble(),
                root.GetProperty("stdout").GetString() ?? string.Empty,
                root.GetProperty("stderr").GetString() ?? string.Empty);
        }

        public void BeginStop()
        {
            try
            {
                _process.StandardInput.Close();
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException)
            {
            }
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(30_000))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
        }
    }
}
