using System.Diagnostics;
using System.Globalization;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Training;

public sealed class CommandStudentTrainerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static StudentTrainingRequest Request(string workDir, string baseModel = "meta-llama/Llama-3.1-8B") => new()
    {
        BaseModel = baseModel,
        Instances = [.. Enumerable.Range(0, 5).Select(i => new SyntheticInstance { Instruction = $"q{i}", Response = $"a{i}" })],
        SeedInstances = [new SyntheticInstance { Instruction = "seed", Response = "seed answer" }],
        WorkingDirectory = workDir,
        Generator = "gpt-4o-mini",
        Setting = AgoraBenchSettings.All[0],
    };

    private string Script(string name, string body)
    {
        string path = _temp.Write(name, "#!/bin/sh\nset -e\n" + body + "\n");
        return path;
    }

    [Fact]
    public async Task TrainAsync_Success_ExportsRunsStreamsAndReadsTheResult()
    {
        string script = Script("train.sh", """
            data="$1"; out="$2"; epochs="$3"; model="$4"
            n=$(wc -l < "$data")
            echo "{'loss': 0.75, 'step': 3}"
            echo "warming up" >&2
            printf '{"model_id": "student-%s", "endpoint": "http://127.0.0.1:8000/v1", "metrics": {"examples": %s, "epochs": %s}}' "$model" "$n" "$epochs" > "$out/result.json"
            """);
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = $"sh {script} {{data}} {{output_dir}} {{epochs}} {{base_model}}" });
        var reports = new List<TrainingProgress>();
        var progress = new SynchronousProgress<TrainingProgress>(reports.Add);

        var student = await trainer.TrainAsync(Request(_temp.File("work")), progress);

        Assert.Equal("student-meta-llama/Llama-3.1-8B", student.ModelId);
        Assert.Equal("command", student.Trainer);
        Assert.Equal(new Uri("http://127.0.0.1:8000/v1"), student.Endpoint);
        Assert.Equal(6, student.Metrics["examples"]);
        Assert.Equal(5, student.Metrics["epochs"]);
        Assert.Equal("meta-llama/Llama-3.1-8B", student.BaseModel);
        lock (reports)
        {
            Assert.Contains(reports, r => r.Loss == 0.75 && r.Step == 3);
            Assert.Contains(reports, r => r.Stage == "log-stderr" && r.Message == "warming up");
            Assert.Contains(reports, r => r.Stage == "export");
        }
    }

    [Fact]
    public async Task TrainAsync_WorkingDirectory_RunsARelativeScriptFromThere_WithAbsoluteDataPaths()
    {
        // A plan's "bash train.sh {data} {output_dir}" names the script relative to the plan's folder.
        string planFolder = _temp.File("study");
        Directory.CreateDirectory(planFolder);
        File.WriteAllText(Path.Combine(planFolder, "train.sh"), """
            n=$(wc -l < "$1")
            pwd > "$2/pwd.txt"
            printf '{"model_id": "student", "endpoint": "http://127.0.0.1:8000/v1", "metrics": {"examples": %s}}' "$n" > "$2/result.json"
            """);
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = "sh train.sh {data} {output_dir}", WorkingDirectory = planFolder });

        var student = await trainer.TrainAsync(Request(_temp.File("work")));

        Assert.Equal(6, student.Metrics["examples"]);
        Assert.Equal(Path.GetFullPath(planFolder), File.ReadAllText(Path.Combine(_temp.File("work"), "output", "pwd.txt")).Trim());
    }

    [Fact]
    public async Task TrainAsync_NonZeroExit_FailsWithTheStderrTail()
    {
        string script = Script("fail.sh", "echo 'loading model' ; echo 'CUDA out of memory' >&2; exit 3");
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = $"sh {script} {{data}} {{output_dir}}" });

        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => trainer.TrainAsync(Request(_temp.File("work"))));

        Assert.Equal(3, ex.ExitCode);
        Assert.Contains("exited with code 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CUDA out of memory", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_Hang_IsKilledAtTheTimeout_WithNoOrphans()
    {
        string marker = (3000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture) + ".5";
        string script = Script("hang.sh", $"sleep {marker} &\nsh -c 'sleep {marker}' &\nsleep {marker}");
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = $"sh {script} {{data}} {{output_dir}}", Timeout = TimeSpan.FromSeconds(1.5) });
        var clock = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => trainer.TrainAsync(Request(_temp.File("work"))));

        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 20);
        await AssertNoProcessAsync("sleep " + marker);
    }

    [Fact]
    public async Task TrainAsync_Cancelled_KillsTheProcessTree()
    {
        string marker = (4000 + Random.Shared.Next(1000)).ToString(CultureInfo.InvariantCulture) + ".5";
        string script = Script("long.sh", $"echo started\nsleep {marker} &\nsleep {marker}");
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = $"sh {script} {{data}} {{output_dir}}" });
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var progress = new SynchronousProgress<TrainingProgress>(p =>
        {
            if (p.Message == "started")
            {
                started.TrySetResult();
            }
        });

        var training = trainer.TrainAsync(Request(_temp.File("work")), progress, cts.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => training);
        await AssertNoProcessAsync("sleep " + marker);
    }

    [Fact]
    public async Task TrainAsync_NoResultFile_FailsNamingIt()
    {
        string script = Script("noresult.sh", "echo done");
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = $"sh {script} {{data}} {{output_dir}}" });
        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => trainer.TrainAsync(Request(_temp.File("work"))));
        Assert.Contains(Path.Combine(_temp.File("work"), "output", "result.json"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAsync_InvalidResultFile_ListsItsProblems()
    {
        string script = Script("badresult.sh", "printf '{\"endpoint\": \"not a url\", \"metrics\": {\"loss\": \"high\"}}' > \"$2/result.json\"");
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = $"sh {script} {{data}} {{output_dir}}" });
        var ex = await Assert.ThrowsAsync<StudentTrainingException>(() => trainer.TrainAsync(Request(_temp.File("work"))));
        Assert.Contains("'not a url' is not an absolute URL", ex.Message, StringComparison.Ordinal);
        Assert.Contains("model_id", ex.Message, StringComparison.Ordinal);
        Assert.Contains("metrics.loss", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_InvalidTemplate_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = "train {data} {gpu_count}", Timeout = TimeSpan.Zero }));
        Assert.Contains("unknown placeholder(s) {gpu_count}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("must use {output_dir}", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Timeout must be positive", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderCommand_ShellQuotesValues()
    {
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = "train --data {data} --out {output_dir} --model {base_model} --lr {learning_rate} --run {run_name}" });
        string command = trainer.RenderCommand(Request("/w"), "/w/x y") ;
        Assert.Equal("train --data '/w/x y/train.jsonl' --out '/w/x y/output' --model meta-llama/Llama-3.1-8B --lr 1E-05 --run gpt-4o-mini-instance-generation-math", command);
        string quoted = trainer.RenderCommand(Request("/w", "it's; rm -rf /"), "/w");
        Assert.Contains("--model 'it'\\''s; rm -rf /'", quoted, StringComparison.Ordinal);
    }

    private static async Task AssertNoProcessAsync(string commandLine)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var alive = Directory.GetDirectories("/proc")
                .Select(d => Path.Combine(d, "cmdline"))
                .Where(File.Exists)
                .Select(f =>
                {
                    try
                    {
                        return File.ReadAllText(f).Replace('\0', ' ').Trim();
                    }
                    catch (IOException)
                    {
                        return string.Empty;
                    }
                    catch (UnauthorizedAccessException)
                    {
                        return string.Empty;
                    }
                })
                .Where(c => c.Contains(commandLine, StringComparison.Ordinal))
                .ToArray();
            if (alive.Length == 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"processes running '{commandLine}' were left behind");
    }
}
