using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;

namespace AgoraBench;

/// <summary>
/// Runs untrusted Python (model-written code and its tests) in sandboxed child processes, in parallel, fast.
/// </summary>
/// <remarks>
/// <para>Each worker is a warm Python process (a fork server): every program runs in a child forked from it, so there
/// is no interpreter start-up per sample. The child becomes its own session and process group, works in a fresh
/// temporary folder that is removed afterwards, and runs under limits: CPU time, address space
/// (<see cref="SandboxLimits.MemoryMegabytes"/>), file size (which also caps captured output), and processes. The
/// network is cut (a new network namespace where the kernel allows it, and the socket module disabled), process
/// creation and deletion helpers are disabled, and writes outside the folder are refused. The whole process group is
/// killed at the timeout. A program passes only if it runs to its end: <c>sys.exit</c> or <c>os._exit</c> before the
/// end is a failure.</para>
/// <para>These are the guards of the common evaluation harnesses, strengthened; they contain model-written code, not a
/// determined attacker. For hostile code add an OS-level boundary (a container or VM).</para>
/// </remarks>
public sealed class PythonSandbox : IAsyncDisposable, IDisposable
{
    private readonly PythonSandboxOptions _options;
    private readonly Channel<Worker> _idle;
    private readonly List<Worker> _workers = [];
    private readonly string _script;
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Initializes a new instance of the <see cref="PythonSandbox"/> class. Workers start on first use.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    public PythonSandbox(PythonSandboxOptions? options = null)
    {
        _options = options ?? new PythonSandboxOptions();
        if (_options.Workers < 1)
        {
            throw new ArgumentException("Workers must be at least 1.", nameof(options));
        }

        _idle = Channel.CreateUnbounded<Worker>();
        _script = Path.Combine(Path.GetTempPath(), $"agorabench-sandbox-{Environment.ProcessId}-{Guid.NewGuid():N}.py");
        using var stream = typeof(PythonSandbox).Assembly.GetManifestResourceStream("AgoraBench.Evaluation.Code.sandbox_server.py")!;
        using var file = File.Create(_script);
        stream.CopyTo(file);
    }

    /// <summary>Runs one program.</summary>
    /// <param name="program">The Python source.</param>
    /// <param name="limits">Limits, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for a worker; a program already running finishes within its timeout.</param>
    /// <returns>The result.</returns>
    /// <exception cref="InvalidOperationException">Python could not be started.</exception>
    public async Task<SandboxResult> RunAsync(string program, SandboxLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(program);
        ObjectDisposedException.ThrowIf(_disposed, this);
        limits ??= new SandboxLimits();
        var worker = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await worker.RunAsync(program, limits).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or JsonException)
        {
            worker.Dispose();
            lock (_gate)
            {
                _workers.Remove(worker);
            }

            worker = null;
            return new SandboxResult("failed", null, null, 0, string.Empty, "the sandbox worker failed and was restarted: " + ex.Message);
        }
        finally
        {
            if (worker is not null)
            {
                _idle.Writer.TryWrite(worker);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops the worker processes and removes the server script.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (_gate)
        {
            foreach (var worker in _workers)
            {
                worker.Dispose();
            }

            _workers.Clear();
        }

        File.Delete(_script);
    }

    private async Task<Worker> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_idle.Reader.TryRead(out var idle))
        {
            return idle;
        }

        lock (_gate)
        {
            if (_workers.Count < _options.Workers)
            {
                var worker = new Worker(_options.Python, _script);
                _workers.Add(worker);
                return worker;
            }
        }

        return await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class Worker : IDisposable
    {
        private readonly Process _process;
        private int _requests;

        public Worker(string python, string script)
        {
            var start = new ProcessStartInfo(python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("-I");
            start.ArgumentList.Add(script);
            start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
            try
            {
                _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException($"Could not start the Python interpreter '{python}': {ex.Message}. Install Python 3 or set PythonSandboxOptions.Python.", ex);
            }

            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
        }

        public async Task<SandboxResult> RunAsync(string program, SandboxLimits limits)
        {
            string id = (++_requests).ToString(CultureInfo.InvariantCulture);
            string request = JsonReport.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("program", program);
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

        public void Dispose()
        {
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(2000))
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
