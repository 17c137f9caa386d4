using System.Text.Json;
using AgoraBench.Cli.Commands;
using AgoraBench.Tests.TestSupport;
using Spectre.Console;
using Spectre.Console.Testing;

namespace AgoraBench.Cli.Tests;

public sealed class EstimateCommandTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    [Fact]
    public async Task Estimate_PrintsTotalsByStageAndGenerator_AndTheAssumptions()
    {
        var (exitCode, output, error) = await CliRunner.RunAsync("estimate", "--plan", _study.WritePlan());

        Assert.True(exitCode == 0, error + output);
        Assert.StartsWith("Estimated cost of e2e study: $", output, StringComparison.Ordinal);
        Assert.Contains("By stage and generator", output, StringComparison.Ordinal);
        Assert.Contains("| generate | gen-a", output, StringComparison.Ordinal);
        Assert.Contains("Notes:", output, StringComparison.Ordinal);
        Assert.Equal(0, _study.Server.ChatCompletionsServed);
    }

    [Fact]
    public async Task Estimate_Json_HasEveryLine_AndCanBeWrittenToAFile()
    {
        string file = Path.Combine(_study.Root, "estimate.json");
        var (exitCode, output, error) = await CliRunner.RunAsync("estimate", "--plan", _study.WritePlan(), "--json", "--out", file);

        Assert.True(exitCode == 0, error + output);
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.Equal("e2e study", json.RootElement.GetProperty("plan").GetString());
        Assert.Contains(json.RootElement.GetProperty("lines").EnumerateArray(), l => l.GetProperty("stage").GetString() == "train");
        // Three settings, each measured with the one encoding every model here is counted with (cl100k_base).
        Assert.Equal(3, json.RootElement.GetProperty("profiles").GetArrayLength());
    }

    [Fact]
    public async Task Estimate_MissingPlan_IsADataError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("estimate", "--plan", Path.Combine(_study.Root, "nope.json"));

        Assert.Equal(3, exitCode);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpectreView_DrawsABarPerStep_WithTicksAndCrosses()
    {
        var console = new TestConsole().Interactive().Width(160);
        var step = new RunStepInfo("generate:gen-a:instance-generation/math", RunStage.Generate);
        await console.Progress().AutoRefresh(false).StartAsync(context =>
        {
            var view = new SpectreRunView(context);
            view.Report(new RunProgress(step.With(RunStepStatus.Running, step.Message)));
            view.Report(new RunProgress(step.With(RunStepStatus.Running, step.Message), 10, 20));
            view.Report(new RunProgress(step.With(RunStepStatus.Done, step.Message), message: "accepted 20"));
            view.Report(new RunProgress(new RunStepInfo("train:gen-a:x", RunStage.Train) { Status = RunStepStatus.Failed }, message: "CUDA [out] of memory"));
            view.Report(new RunProgress(new RunStepInfo("pgr", RunStage.Pgr) { Status = RunStepStatus.Done }, message: "up to date"));
            context.Refresh();
            return Task.CompletedTask;
        });

        Assert.Contains("✓ generate:gen-a:instance-generation/math", console.Output, StringComparison.Ordinal);
        Assert.Contains("✗ train:gen-a:x: CUDA [out] of memory", console.Output, StringComparison.Ordinal);
        Assert.Contains("1 step(s) up to date or waiting", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainView_WritesOneLinePerEvent_AndQuarterMarks()
    {
        using var writer = new StringWriter();
        var view = new PlainRunView(writer, TimeProvider.System);
        var step = new RunStepInfo("generate:g:s", RunStage.Generate) { Status = RunStepStatus.Running };
        view.Report(new RunProgress(step));
        for (int i = 1; i <= 20; i++)
        {
            view.Report(new RunProgress(step, i, 20));
        }

        view.Report(new RunProgress(step.With(RunStepStatus.Done, step.Message), message: "accepted 20"));
        string[] lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(6, lines.Length);
        Assert.EndsWith("start   generate:g:s", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("generate:g:s: 5/20", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("done    generate:g:s: accepted 20", lines[^1], StringComparison.Ordinal);
    }
}
