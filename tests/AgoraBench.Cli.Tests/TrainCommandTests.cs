using System.Text.Json;

namespace AgoraBench.Cli.Tests;

public class TrainCommandTests
{
    private const string Data = "{\"instruction\": \"2+2?\", \"response\": \"4\"}\n{\"instruction\": \"3+3?\", \"response\": \"6\"}\n";

    [Fact]
    public async Task ExportSft_WritesTheChosenFormat_SeedFirst()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", Data);
        string seed = files.Write("seed.json", "[{\"instruction\": \"seed q\", \"response\": \"seed a\"}]");
        var (exitCode, output, error) = await CliRunner.RunAsync("export-sft", "--data", data, "--seed-data", seed, "--format", "llama3", "--out", files.PathOf("train.jsonl"));

        Assert.True(exitCode == 0, error);
        Assert.Contains("Wrote 3 examples (1 seed + 2 generated) as llama3", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(files.PathOf("train.jsonl"));
        Assert.Equal(3, lines.Length);
        Assert.Contains("seed q<|eot_id|>", JsonDocument.Parse(lines[0]).RootElement.GetProperty("prompt").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportSft_EmptyResponse_IsADataError()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", "{\"instruction\": \"q\", \"response\": \"\"}\n");
        var (exitCode, _, error) = await CliRunner.RunAsync("export-sft", "--data", data, "--format", "messages", "--out", files.PathOf("train.jsonl"));
        Assert.Equal(3, exitCode);
        Assert.Contains("generated instance #1: the response is empty", error, StringComparison.Ordinal);
        Assert.False(File.Exists(files.PathOf("train.jsonl")));
    }

    [Fact]
    public async Task Train_Command_RunsTheScriptAndWritesStudentJson()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", Data);
        string script = files.Write("train.sh", "#!/bin/sh\nn=$(wc -l < \"$1\")\necho \"{'loss': 0.4, 'step': 1}\"\nprintf '{\"model_id\": \"my-student\", \"endpoint\": \"http://127.0.0.1:8000/v1\", \"metrics\": {\"examples\": %s}}' \"$n\" > \"$2/result.json\"\n");
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "train", "--trainer", "command", "--data", data, "--base-model", "meta-llama/Llama-3.1-8B",
            "--command", $"sh {script} {{data}} {{output_dir}}", "--work-dir", files.PathOf("work"), "--out", files.PathOf("student.json"));

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("[log] {'loss': 0.4, 'step': 1}", output, StringComparison.Ordinal);
        Assert.Contains("Trained my-student (command)", output, StringComparison.Ordinal);
        using var student = JsonDocument.Parse(File.ReadAllText(files.PathOf("student.json")));
        Assert.Equal("my-student", student.RootElement.GetProperty("model_id").GetString());
        Assert.Equal(2, student.RootElement.GetProperty("metrics").GetProperty("examples").GetDouble());
        Assert.Equal("meta-llama/Llama-3.1-8B", student.RootElement.GetProperty("base_model").GetString());
    }

    [Fact]
    public async Task Train_CommandFails_ExitsWithTheStderrTail()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", Data);
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "train", "--trainer", "command", "--data", data, "--base-model", "m",
            "--command", "sh -c 'echo NCCL timeout >&2; exit 7' {data} {output_dir}", "--out", files.PathOf("student.json"));
        Assert.Equal(3, exitCode);
        Assert.Contains("exited with code 7", error, StringComparison.Ordinal);
        Assert.Contains("NCCL timeout", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_MissingOptions_AreAllReported()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", Data);
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "train", "--trainer", "command", "--data", data, "--base-model", "m", "--epochs", "0", "--endpoint", "not a url", "--out", files.PathOf("s.json"));
        Assert.Equal(3, exitCode);
        Assert.Contains("'--command': is required with --trainer command", error, StringComparison.Ordinal);
        Assert.Contains("'not a url' is not an absolute URL", error, StringComparison.Ordinal);
        Assert.Contains("field '--epochs': --epochs must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_Precomputed_CopiesTheStudent()
    {
        using var files = new TempFiles();
        string data = files.Write("gen.jsonl", Data);
        string known = files.Write("known.json", "{\"model_id\": \"ft:x\", \"endpoint\": \"http://127.0.0.1:9/v1\"}");
        var (exitCode, _, error) = await CliRunner.RunAsync("train", "--trainer", "precomputed", "--data", data, "--base-model", "m", "--student", known, "--out", files.PathOf("student.json"));
        Assert.True(exitCode == 0, error);
        Assert.Contains("\"model_id\": \"ft:x\"", File.ReadAllText(files.PathOf("student.json")), StringComparison.Ordinal);
    }
}
