using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// An <see cref="IStudentTrainer"/> that runs an external training command (TRL, axolotl, LLaMA-Factory, torchrun,
/// <c>sbatch --wait</c>, …) from a template: it exports the data, runs the command in its own process group, streams
/// its output as progress, enforces a timeout, kills the whole process tree on timeout or cancellation, and reads the
/// result file the command writes.
/// </summary>
/// <remarks>
/// The command runs under <c>/bin/sh -c</c> (<c>cmd /c</c> on Windows) in the options' working directory, else the
/// request's, started
/// through <c>setsid</c> where available so that every process it starts can be killed together. A non-zero exit fails
/// with the last lines of its output in the message; a missing or invalid <c>{output_dir}/result.json</c> fails naming
/// the file.
/// </remarks>
public sealed partial class CommandStudentTrainer : IStudentTrainer
{
    private readonly CommandStudentTrainerOptions _options;

    /// <summary>Initializes a new instance of the <see cref="CommandStudentTrainer"/> class.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="ArgumentException">The options are invalid; every problem is listed.</exception>
    public CommandStudentTrainer(CommandStudentTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
    }

    /// <inheritdoc />
    public string Name => "command";

    /// <summary>Renders the command that would run for a request, without running it (for dry runs and plans).</summary>
    /// <param name="request">The request.</param>
    /// <param name="workDir">The working directory.</param>
    /// <returns>The command line.</returns>
    internal string RenderCommand(StudentTrainingRequest request, string workDir)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(workDir);
        string runName = RunName(request);
        return CommandTemplateRenderer.Render(
            _options.CommandTemplate,
            CommandTemplateRenderer.Values(request, DataPath(workDir), Path.Combine(workDir, "output"), workDir, runName, _options.Format));
    }

    /// <inheritdoc />
    public async Task<TrainedStudent> TrainAsync(StudentTrainingRequest request, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hyperparameterProblems = request.Hyperparameters.Validate();
        if (hyperparameterProblems.Count > 0)
        {
            throw new DataValidationException([.. hyperparameterProblems.Select(p => new DataError(null, null, "hyperparameters", p))]);
        }

        string workDir = Path.GetFullPath(request.WorkingDirectory ?? Path.Combine(Path.GetTempPath(), "agorabench-train-" + Guid.NewGuid().ToString("N")));
        string outputDir = Path.Combine(workDir, "output");
        Directory.CreateDirectory(outputDir);
        string resultPath = Path.Combine(outputDir, "result.json");
        File.Delete(resultPath);

        progress?.Report(new TrainingProgress("export", $"exporting {request.SeedInstances.Count + request.Instances.Count} examples as {SftExporter.ToName(_options.Format)}"));
        await SftExporter.WriteAsync(DataPath(workDir), request.Instances, _options.Format, new SftExportOptions { SeedInstances = request.SeedInstances }, cancellationToken).ConfigureAwait(false);

        string command = RenderCommand(request, workDir);
        progress?.Report(new TrainingProgress("running", command));
        string runIn = _options.WorkingDirectory is { Length: > 0 } folder ? Path.GetFullPath(folder) : workDir;
        var (exitCode, tail, timedOut) = await RunAsync(command, runIn, progress, cancellationToken).ConfigureAwait(false);
        if (timedOut)
        {
            throw new StudentTrainingException($"The training command timed out after {_options.Timeout} and was killed with its child processes. Last output:{Environment.NewLine}{tail}");
        }

        if (exitCode != 0)
        {
            throw new StudentTrainingException($"The training command exited with code {exitCode}. Last output:{Environment.NewLine}{tail}") { ExitCode = exitCode };
        }

        if (!File.Exists(resultPath))
        {
            throw new StudentTrainingException($"The training command succeeded but did not write {resultPath}; it must write {{\"model_id\": …, \"endpoint\": … or \"model_path\": …, \"metrics\": {{…}}}}.");
        }

        TrainedStudent student;
        try
        {
            student = await TrainedStudentFile.ReadAsync(resultPath, Name, cancellationToken).ConfigureAwait(false);
        }
        catch (DataValidationException ex)
        {
            throw new StudentTrainingException($"The training command's result file is invalid: {ex.Message}", ex);
        }

        if (student.Endpoint is null && string.IsNullOrWhiteSpace(student.ModelPath))
        {
            // A trained model nobody can reach cannot be evaluated: say so now, not at the evaluation step.
            throw new StudentTrainingException($"The training command's result file {resultPath} has neither \"endpoint\" (where the student is served) nor \"model_path\" (where its weights are); it must give one of them.");
        }

        student = student.WithTrainer(Name, request.BaseModel);
        progress?.Report(new TrainingProgress("succeeded", $"trained {student.ModelId}"));
        return student;
    }

    private static string DataPath(string workDir) => Path.Combine(workDir, "train.jsonl");

    private static string RunName(StudentTrainingRequest request)
    {
        if (request.RunName is { Length: > 0 } runName)
        {
            return runName;
        }

        string derived = string.Join("-", new[] { request.Generator, request.Setting?.Key.Replace('/', '-') }.Where(s => !string.IsNullOrEmpty(s)));
        return derived.Length > 0 ? derived : "agorabench-student";
    }

    private async Task<(int ExitCode, string Tail, bool TimedOut)> RunAsync(string command, string workDir, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = "cmd.exe";
            start.ArgumentList.Add("/c");
            start.ArgumentList.Add(command);
        }
        else if (File.Exists("/usr/bin/setsid") || File.Exists("/bin/setsid"))
        {
            start.FileName = File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/setsid";
            start.ArgumentList.Add("/bin/sh");
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
        }
        else
        {
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(command);
        }

        foreach (var (name, value) in _options.Environment)
        {
            start.Environment[name] = value;
        }

        var tail = new Queue<string>();
        var gate = new object();
        void OnLine(string? line, string stream)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                tail.Enqueue(line);
                while (tail.Count > Math.Max(1, _options.ErrorTailLines))
                {
                    tail.Dequeue();
                }
            }

            progress?.Report(Parse(line, stream));
        }

        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data, "stdout");
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, "stderr");
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new StudentTrainingException($"The training command could not be started: {ex.Message}", ex);
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = _options.Timeout is TimeSpan t ? new CancellationTokenSource(t) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("Training was cancelled; the command and its child processes were killed.", cancellationToken);
            }

            return (-1, Tail(), true);
        }

        // The process group may still hold children the command left behind; training is over, so end them.
        KillGroup(process.Id);
        return (process.ExitCode, Tail(), false);

        string Tail()
        {
            lock (gate)
            {
                return string.Join(Environment.NewLine, tail);
            }
        }
    }

    private static TrainingProgress Parse(string line, string stream)
    {
        var loss = LossPattern().Match(line);
        var step = StepPattern().Match(line);
        return new TrainingProgress(
            stream == "stderr" ? "log-stderr" : "log",
            line,
            step: step.Success && int.TryParse(step.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : null,
            loss: loss.Success && double.TryParse(loss.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double l) ? l : null);
    }

    private static void KillTree(Process process)
    {
        KillGroup(process.Id);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }

    private static void KillGroup(int processId)
    {
        // setsid made the command a process-group leader; signalling the negative id reaches every process in the
        // group, including children whose parents have already exited.
        if (OperatingSystem.IsWindows() || !File.Exists("/bin/kill") && !File.Exists("/usr/bin/kill"))
        {
            return;
        }

        var kill = new ProcessStartInfo(File.Exists("/bin/kill") ? "/bin/kill" : "/usr/bin/kill")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        kill.ArgumentList.Add("-KILL");
        kill.ArgumentList.Add("--");
        kill.ArgumentList.Add("-" + processId.ToString(CultureInfo.InvariantCulture));
        try
        {
            using var process = Process.Start(kill);
            process?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }

    [GeneratedRegex(@"['""]?loss['""]?\s*[:=]\s*([-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex LossPattern();

    [GeneratedRegex(@"\bstep['""]?\s*[:= ]\s*(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex StepPattern();
}
