using System.Diagnostics;
using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

public sealed class RunCommandTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable(StudyFixture.KeyVariable, StudyFixture.SecretValue);
        _study = await StudyFixture.CreateAsync();
    }

    public async Task DisposeAsync() => await _study.DisposeAsync();

    [PythonFact]
    public async Task Run_KilledWithSigkillBetweenStages_ResumesToTheSameReport_AsAnUninterruptedRun()
    {
        string plan = _study.WritePlan();
        var whole = await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", _study.RunDirectory("whole"));
        Assert.True(whole.ExitCode == 0, whole.Error + whole.Output);

        // The same plan in its own process, killed while the first student trains: generation, metrics and export are done.
        string killed = _study.RunDirectory("killed");
        string marker = Path.Combine(_study.Root, "training-started");
        var start = CliProcess.StartInfo(["run", "--plan", plan, "--run-dir", killed]);

        start.Environment["AGORABENCH_STUB_TRAIN_SLEEP"] = "120";
        start.Environment["AGORABENCH_STUB_TRAIN_MARKER"] = marker;
        int generationBeforeKill;
        using (var process = Process.Start(start)!)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (!File.Exists(marker) && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            if (process.HasExited || !File.Exists(marker))
            {
                Assert.Fail("the run did not reach training: " + await stderr);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Equal(137, process.ExitCode);
            generationBeforeKill = _study.GenerationRequests;
        }

        var records = Directory.GetFiles(Path.Combine(killed, "steps")).ToDictionary(f => Path.GetFileNameWithoutExtension(f)!, f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("status").GetString());
        Assert.All(records.Where(r => r.Key.StartsWith("generate.", StringComparison.Ordinal) || r.Key.StartsWith("export.", StringComparison.Ordinal)), r => Assert.Equal("done", r.Value));
        Assert.Equal("started", records["train.gen-a.instance-generation.math"]);
        Assert.False(Directory.Exists(Path.Combine(killed, "report")));

        var resumed = await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", killed);

        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.Equal(generationBeforeKill, _study.GenerationRequests);
        Assert.Contains("skip    generate:gen-a:instance-generation/math (up to date)", resumed.Error, StringComparison.Ordinal);
        Assert.Equal(StudyFixture.Files(Path.Combine(_study.RunDirectory("whole"), "report")), StudyFixture.Files(Path.Combine(killed, "report")));
        Assert.Equal(File.ReadAllText(Path.Combine(_study.RunDirectory("whole"), "pgr", "scores.csv")), File.ReadAllText(Path.Combine(killed, "pgr", "scores.csv")));
        foreach (var (file, text) in StudyFixture.Files(killed))
        {
            Assert.False(text.Contains(StudyFixture.SecretValue, StringComparison.Ordinal), file);
        }
    }

    [PythonFact]
    public async Task Run_Redirected_WritesPlainLines_TheLeaderboard_AndExitCodeZero()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", _study.WritePlan(), "--run-dir", _study.RunDirectory("plain"));

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("start   generate:gen-a:instance-generation/math", error, StringComparison.Ordinal);
        Assert.Contains("done    report", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", error, StringComparison.Ordinal);
        Assert.Contains("PGR leaderboard", output, StringComparison.Ordinal);
        Assert.Contains("| gen-a ", output, StringComparison.Ordinal);
        Assert.Contains("Measured spend", output, StringComparison.Ordinal);
        Assert.Contains("report.html", output, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task Run_Json_IsOneDocument_AndStagesCanBeChosen()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", _study.WritePlan(), "--run-dir", _study.RunDirectory("json"), "--stages", "generate,export", "--json");

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal(["generate", "export"], json.RootElement.GetProperty("stages").EnumerateArray().Select(s => s.GetString()));
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToArray();
        Assert.All(steps.Where(s => s.GetProperty("stage").GetString() == "export"), s => Assert.Equal("done", s.GetProperty("status").GetString()));
        Assert.All(steps.Where(s => s.GetProperty("stage").GetString() == "train"), s => Assert.Equal("pending", s.GetProperty("status").GetString()));
        GoldenFile.Verify(Portable(output), "Fixtures/Golden/run.json");
    }

    [Fact]
    public async Task Run_DryRun_Json_IsTheFormatThePreviousVersionWrote()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", _study.WritePlan(), "--run-dir", _study.RunDirectory("dry-json"), "--dry-run", "--json");

        Assert.True(exitCode == 0, error + output);
        GoldenFile.Verify(Portable(output), "Fixtures/Golden/run-dry.json");
        Assert.Equal(0, _study.Server.ChatCompletionsServed);
    }

    // The study's folder and the loopback port differ from run to run.
    private string Portable(string output) => output.Replace(_study.Root, "<study>", StringComparison.Ordinal).Replace(_study.Server.Endpoint.Authority, "<server>", StringComparison.Ordinal);

    [Fact]
    public async Task Run_DryRun_ShowsTheStepsAndTheEstimate_AndSpendsNothing()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", _study.WritePlan(), "--run-dir", _study.RunDirectory("dry"), "--dry-run");

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("dry run", output, StringComparison.Ordinal);
        Assert.Contains("Steps by stage", output, StringComparison.Ordinal);
        Assert.Contains("Estimated cost of e2e study", output, StringComparison.Ordinal);
        Assert.Equal(0, _study.Server.ChatCompletionsServed);
        Assert.False(Directory.Exists(Path.Combine(_study.RunDirectory("dry"), "cells")));
    }

    [Fact]
    public async Task Run_InvalidPlan_ListsEveryProblem_WithItsLineAndPath_AndExitsWithThree()
    {
        string plan = _study.WritePlan(edit: p =>
        {
            p["instances"] = 0;
            p["generators"]![1]!["name"] = "gen-a";
            p["generatorz"] = 1;
            p["evaluation"]!["benchmarks"]!["gsm8k"]!["problems"] = "bench/missing.jsonl";
        });

        var (exitCode, _, error) = await CliRunner.RunAsync("run", "--plan", plan);

        Assert.Equal(3, exitCode);
        Assert.Contains("4 problems found", error, StringComparison.Ordinal);
        Assert.Contains("field '$.instances': must be at least 1", error, StringComparison.Ordinal);
        Assert.Contains("field '$.generators[1].name': 'gen-a' is listed twice", error, StringComparison.Ordinal);
        Assert.Contains("field '$.generatorz': unknown property; did you mean 'generators'?", error, StringComparison.Ordinal);
        Assert.Contains("missing.jsonl does not exist", error, StringComparison.Ordinal);
        Assert.Matches(@"plan\.json:\d+: field '\$\.instances'", error);
    }

    [PythonFact]
    public async Task Run_WithAFailedStep_ExitsWithFour_AndSaysHowToRetry()
    {
        File.WriteAllText(_study.TrainerScript, "#!/bin/sh\necho 'no GPU here' >&2\nexit 2\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("run", "--plan", _study.WritePlan(), "--run-dir", _study.RunDirectory("failing"), "--stages", "generate,export,train");

        Assert.Equal(4, exitCode);
        Assert.Contains("FAILED  train:gen-a:instance-generation/math: training failed: The training command exited with code 2", error, StringComparison.Ordinal);
        Assert.Contains("no GPU here", output, StringComparison.Ordinal);
        Assert.Contains("run the same command again", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsRunAndEstimate_WithExamples()
    {
        var root = await CliRunner.RunAsync("--help");
        Assert.Contains("run", root.Output, StringComparison.Ordinal);
        Assert.Contains("estimate", root.Output, StringComparison.Ordinal);

        var run = await CliRunner.RunAsync("run", "--help");
        Assert.Contains("Examples:", run.Output, StringComparison.Ordinal);
        Assert.Contains("--dry-run", run.Output, StringComparison.Ordinal);
    }
}
