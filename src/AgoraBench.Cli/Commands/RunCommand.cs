using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgoraBench.OpenAI;
using Spectre.Console;

namespace AgoraBench.Cli.Commands;

/// <summary><c>agorabench run</c>: a whole plan, generate → … → report, resumable stage by stage.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var plan = new Option<string>("--plan") { Description = "The plan file (JSON; see docs/plan.md and docs/plan.schema.json).", Required = true, HelpName = "FILE" };
        var runDir = new Option<string?>("--run-dir") { Description = "The run folder (default: runs/<plan name> beside the plan). Rerunning with the same folder resumes.", HelpName = "DIR" };
        var stages = new Option<string?>("--stages") { Description = "Run only these stages (comma-separated): " + string.Join(", ", Enum.GetValues<RunStage>().Select(RunStages.ToName)) + ". Default all.", HelpName = "LIST" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show every step's state and the cost estimate; spend nothing." };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON on standard output (progress stays on standard error)." };
        var parallel = new Option<int>("--parallel") { Description = "Independent steps of a stage run at once.", DefaultValueFactory = _ => 1, HelpName = "N" };
        var failFast = new Option<bool>("--fail-fast") { Description = "Stop at the first failed step (default: go on with independent steps)." };
        var shard = ScaleOutOptions.Shard("the plan's cells, baselines and solver evaluations; PGR and the report wait for the merged folder");
        var command = new Command(
            "run",
            "Run an AGORABENCH plan end to end: for each generator × setting generate → intrinsic metrics → SFT export → train → evaluate "
            + "(base and reference once) → PGR → analysis → report. Every step is recorded in the run folder; a rerun skips what is done and resumes what was interrupted.\n\n"
            + "Examples:\n"
            + "  agorabench run --plan samples/plans/vllm.json --dry-run\n"
            + "  agorabench run --plan plan.json --stages generate,metrics\n"
            + "  agorabench run --plan plan.json --json > result.json\n"
            + "  agorabench run --plan plan.json --shard 2/4 --run-dir runs/shard-2     (then: agorabench merge --plan plan.json --out runs/all runs/shard-*)")
        {
            plan, runDir, stages, dryRun, json, parallel, failFast, shard,
        };

        command.SetAction((parseResult, cancellationToken) => CommandRunner.RunAsync(
            parseResult,
            async stdout =>
            {
                var error = parseResult.InvocationConfiguration.Error;
                var problems = new List<DataError>();
                var selected = ParseStages(parseResult.GetValue(stages), problems);
                var shardSpec = ScaleOutOptions.ParseShard(parseResult.GetValue(shard), problems, parseResult.InvocationConfiguration.Error);
                if (parseResult.GetValue(parallel) < 1)
                {
                    problems.Add(new DataError(null, null, "--parallel", "must be at least 1"));
                }

                if (problems.Count > 0)
                {
                    throw new DataValidationException(problems);
                }

                var loaded = await CliPlans.ReadAsync(parseResult.GetRequiredValue(plan), cancellationToken).ConfigureAwait(false);
                string folder = parseResult.GetValue(runDir) ?? DefaultRunDirectory(loaded, shardSpec);
                var options = new AgoraBenchRunnerOptions { MaxParallelSteps = parseResult.GetValue(parallel), FailFast = parseResult.GetValue(failFast), Shard = shardSpec }.UseOpenAI();
                var runner = new AgoraBenchRunner(loaded, folder, options);
                bool asJson = parseResult.GetValue(json);
                if (parseResult.GetValue(dryRun))
                {
                    var steps = await runner.InspectAsync(cancellationToken).ConfigureAwait(false);
                    var estimate = await PlanEstimator.EstimateAsync(loaded, cancellationToken).ConfigureAwait(false);
                    if (asJson)
                    {
                        var document = new RunDryRunDocument { RunDir = runner.RunDirectory, Steps = [.. steps.Select(RunStepDocument.From)], Estimate = JsonElement.Parse(estimate.ToJson()) };
                        await stdout.WriteAsync(ArtefactJson.Write(document, CliJsonContext.Default.RunDryRunDocument)).ConfigureAwait(false);
                        return;
                    }

                    await stdout.WriteLineAsync($"Run folder: {runner.RunDirectory} (dry run: nothing is spent)").ConfigureAwait(false);
                    await stdout.WriteLineAsync().ConfigureAwait(false);
                    CliTables.Write(StageTable(steps), stdout, "Steps by stage");
                    EstimateCommand.Print(estimate, stdout, detail: false);
                    return;
                }

                if (!asJson)
                {
                    await stdout.WriteLineAsync($"Run folder: {runner.RunDirectory}").ConfigureAwait(false);
                }

                RunResult result;
                if (CliConsole.IsTerminal(error))
                {
                    var console = CliConsole.Create(error, interactive: true);
                    RunResult? finished = null;
                    await console.Progress()
                        .AutoClear(false)
                        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                        .StartAsync(async context => finished = await runner.RunAsync(selected, new SpectreRunView(context), cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                    result = finished!;
                }
                else
                {
                    result = await runner.RunAsync(selected, new PlainRunView(error, TimeProvider.System), cancellationToken).ConfigureAwait(false);
                }

                if (asJson)
                {
                    await stdout.WriteAsync(ArtefactJson.Write(ResultDocument(result), CliJsonContext.Default.RunResultDocument)).ConfigureAwait(false);
                }
                else
                {
                    await PrintAsync(result, stdout).ConfigureAwait(false);
                }

                if (!result.Succeeded)
                {
                    throw new IncompleteRunException(result.Steps.Count(s => result.Requested.Contains(s.Id) && s.Status != RunStepStatus.Done));
                }
            },
            cancellationToken));
        return command;
    }

    internal static string DefaultRunDirectory(AgoraBenchPlan plan, ShardSpec shard = default) => plan.DefaultRunDirectory(shard);

    private static List<RunStage>? ParseStages(string? text, List<DataError> problems)
    {
        if (text is null)
        {
            return null;
        }

        var stages = new List<RunStage>();
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (RunStages.TryParse(name, out var stage))
            {
                stages.Add(stage);
            }
            else
            {
                problems.Add(new DataError(null, null, "--stages", $"'{name}' is not a stage; expected {string.Join(", ", Enum.GetValues<RunStage>().Select(RunStages.ToName))}"));
            }
        }

        if (stages.Count == 0 && problems.Count == 0)
        {
            problems.Add(new DataError(null, null, "--stages", "names no stage"));
        }

        return stages;
    }

    private static MarkdownTable StageTable(IReadOnlyList<RunStepInfo> steps)
    {
        var table = new MarkdownTable(("stage", false), ("steps", true), ("done", true), ("to run", true), ("interrupted", true), ("failed", true), ("waiting", true));
        foreach (var group in steps.GroupBy(s => s.Stage).OrderBy(g => g.Key))
        {
            string Count(Func<RunStepInfo, bool> predicate) => group.Count(predicate).ToString(CultureInfo.InvariantCulture);
            table.AddRow(
                RunStages.ToName(group.Key),
                Count(_ => true),
                Count(s => s.Status == RunStepStatus.Done),
                Count(s => s.Status is RunStepStatus.Pending or RunStepStatus.Stale),
                Count(s => s.Status == RunStepStatus.Interrupted),
                Count(s => s.Status == RunStepStatus.Failed),
                Count(s => s.Status == RunStepStatus.Blocked));
        }

        return table;
    }

    private static async Task PrintAsync(RunResult result, TextWriter stdout)
    {
        await stdout.WriteLineAsync().ConfigureAwait(false);
        CliTables.Write(StageTable(result.Steps), stdout, "Steps by stage");
        foreach (var failed in result.Steps.Where(s => s.Status == RunStepStatus.Failed))
        {
            await stdout.WriteLineAsync($"failed: {failed.Id}: {failed.Message}").ConfigureAwait(false);
        }

        if (result.Leaderboard is { } leaderboard)
        {
            CliTables.Write(AgoraBenchReports.FormatLeaderboard(leaderboard, withCellCount: true), stdout, "PGR leaderboard");
        }

        if (result.Costs.Count > 0)
        {
            var table = new MarkdownTable(("stage", false), ("requests", true), ("input tokens", true), ("output tokens", true), ("USD", true));
            foreach (var group in result.Costs.GroupBy(c => c.Stage).OrderBy(g => g.Key))
            {
                bool priced = group.All(c => c.Usd is not null);
                table.AddRow(RunStages.ToName(group.Key), CostEstimate.Tokens(group.Sum(c => c.Requests)), CostEstimate.Tokens(group.Sum(c => c.InputTokens)), CostEstimate.Tokens(group.Sum(c => c.OutputTokens)), priced ? CostEstimate.Usd(group.Sum(c => c.Usd!.Value)) : "unpriced");
            }

            CliTables.Write(table, stdout, "Measured spend");
        }

        if (result.ReportDirectory is not null)
        {
            await AnalyzeCommand.WriteFindingsAsync(result.Findings, result.AnalysisDiagnostics, stdout).ConfigureAwait(false);
        }

        if (result.ReportDirectory is { } report)
        {
            await stdout.WriteLineAsync($"Report: {Path.Combine(report, "report.html")}").ConfigureAwait(false);
        }

        if (!result.Succeeded)
        {
            await stdout.WriteLineAsync("Some steps are not done; run the same command again to retry them (finished work is kept).").ConfigureAwait(false);
        }
    }

    private static RunResultDocument ResultDocument(RunResult result) => new()
    {
        RunDir = result.RunDirectory,
        Succeeded = result.Succeeded,
        Stages = [.. result.Stages.Select(RunStages.ToName)],
        Steps = [.. result.Steps.Select(RunStepDocument.From)],
        Report = result.ReportDirectory is { } report ? Path.Combine(report, "report.html") : null,
        Leaderboard = result.Leaderboard is { } leaderboard ? JsonElement.Parse(AgoraBenchReports.Format(leaderboard, PgrReportFormat.Json)) : null,
        Costs = [.. result.Costs.Select(RunCostDocument.From)],
    };
}
