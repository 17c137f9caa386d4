using System.Diagnostics;
using System.Text.Json;

namespace AgoraBench.Cli.Tests;

/// <summary>Checks the training recipe under samples/training without a GPU: export, template rendering, dry run.</summary>
public class TrainingRecipeTests
{
    private static string Recipe(string name) => Path.Combine(RepositoryPaths.Root, "samples", "training", name);

    [Fact]
    public void CommandTemplate_IsValid_AndRendersThePaperHyperparameters()
    {
        string template = File.ReadAllText(Recipe("command-template.txt")).Trim();
        var trainer = new CommandStudentTrainer(new CommandStudentTrainerOptions { CommandTemplate = template });
        string command = trainer.RenderCommand(new StudentTrainingRequest { BaseModel = "meta-llama/Llama-3.1-8B", Instances = [], RunName = "gpt-4o-ig-math" }, "/runs/r1");

        Assert.Contains("--data /runs/r1/train.jsonl --output-dir /runs/r1/output --model meta-llama/Llama-3.1-8B", command, StringComparison.Ordinal);
        Assert.Contains("--epochs 5 --learning-rate 1E-05 --batch-size 4 --gradient-accumulation 8 --max-seq-length 4096 --seed 42", command, StringComparison.Ordinal);
        Assert.DoesNotContain("{", command, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task TrainScript_DryRun_AcceptsTheExportedData()
    {
        string python = RepositoryPaths.Python!;

        using var files = new TempFiles();
        SyntheticInstance[] instances = [.. Enumerable.Range(0, 40).Select(i => new SyntheticInstance { Instruction = $"q{i}", Response = $"a{i}" })];
        await SftExporter.WriteAsync(files.PathOf("train.jsonl"), instances, SftFormat.PromptCompletion);
        await SftExporter.WriteAsync(files.PathOf("llama3.jsonl"), instances, SftFormat.Llama3);

        foreach (string data in new[] { files.PathOf("train.jsonl"), files.PathOf("llama3.jsonl") })
        {
            var (exit, output, error) = await RunAsync(python, Recipe("train_sft.py"), "--dry-run", "--data", data, "--output-dir", files.PathOf("out"));
            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            var config = json.RootElement.GetProperty("config");
            Assert.Equal(40, config.GetProperty("examples").GetInt32());
            Assert.Equal(5, config.GetProperty("epochs").GetInt32());
            Assert.Equal(1e-5, config.GetProperty("learning_rate").GetDouble());
            Assert.Equal(32, config.GetProperty("effective_batch_size").GetInt32());
            Assert.Equal(2, config.GetProperty("steps_per_epoch").GetInt32());
            Assert.Equal(0.85, config.GetProperty("lr_decay_per_epoch").GetDouble());
        }
    }

    [PythonFact]
    public async Task TrainScript_DryRun_ReportsBadLinesWithTheirNumbers()
    {
        string python = RepositoryPaths.Python!;

        using var files = new TempFiles();
        string data = files.Write("bad.jsonl", "{\"prompt\": [{\"role\": \"user\", \"content\": \"q\"}], \"completion\": [{\"role\": \"assistant\", \"content\": \"a\"}]}\nnot json\n{\"prompt\": \"p\", \"completion\": \"no end token\"}\n");
        var (exit, _, error) = await RunAsync(python, Recipe("train_sft.py"), "--dry-run", "--data", data, "--output-dir", files.PathOf("out"));
        Assert.Equal(2, exit);
        Assert.Contains($"{data}:2: not valid JSON", error, StringComparison.Ordinal);
        Assert.Contains($"{data}:3: a llama3 completion must end with <|eot_id|>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrainAndServeScript_ParsesAndRefusesAWrongCall()
    {
        var (syntax, _, syntaxError) = await RunAsync("bash", "-n", Recipe("train_and_serve.sh"));
        Assert.True(syntax == 0, syntaxError);

        var (exit, _, error) = await RunAsync("bash", Recipe("train_and_serve.sh"), "only-one-argument");
        Assert.Equal(2, exit);
        Assert.Contains("usage: train_and_serve.sh DATA OUTPUT_DIR", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplePlans_CallTheTrainAndServeScript_WithTenPlaceholders()
    {
        foreach (string plan in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "plans"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(plan));
            if (json.RootElement.GetProperty("training").TryGetProperty("command", out var command))
            {
                Assert.Contains("train_and_serve.sh", command.GetString(), StringComparison.Ordinal);
                Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(command.GetString()!, @"\{[a-z_]+\}"));
            }
        }
    }

    private static async Task<(int, string, string)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
