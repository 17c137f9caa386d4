using System.Globalization;
using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// A minimal study over <c>study_fake.py</c> (one setting, no metrics, no prices, no problem solving) reaches its report,
/// and the same study killed with SIGKILL at seeded random moments of every stage resumes to the same results.
/// </summary>
public sealed class StudyResumeTests
{
    private static readonly string[] Stages = ["generate", "export", "train", "evaluate", "pgr", "analyze", "report"];

    private static readonly Dictionary<string, int> StepsPerStage = new(StringComparer.Ordinal)
    {
        ["generate"] = 2, ["export"] = 2, ["train"] = 2, ["evaluate"] = 4, ["pgr"] = 1, ["analyze"] = 1, ["report"] = 1,
    };

    [PythonFact]
    public async Task MinimalStudy_RunsToItsReport_AndItsScoresAreWhatTheStudentsAnswered()
    {
        if (SharedData.Directory is null)
        {
            return;
        }

        await using var fake = await StudyFake.StartAsync();
        string plan = fake.WritePlan(fake.Plan());
        string run = Path.Combine(fake.Root, "run");

        var result = await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", run);

        Assert.True(result.ExitCode == 0, result.Error + result.Output);
        Assert.True(File.Exists(Path.Combine(run, "report", "report.html")));
        var stats = await fake.StatsAsync();
        Assert.Equal(Expected(stats), File.ReadAllText(Path.Combine(run, "pgr", "scores.csv")));
        string html = File.ReadAllText(Path.Combine(run, "report", "report.html"));
        // Every part the plan did not ask for says so, and why; the leaderboard shows the plan's one setting only.
        foreach (string section in new[] { "problem-solving", "metrics", "pca", "cost" })
        {
            string part = html[html.IndexOf($"<h2 id=\"{section}\">", StringComparison.Ordinal)..];
            part = part[..part.IndexOf("<h2", 4, StringComparison.Ordinal)];
            Assert.Contains("<b>Not measured</b>: ", part, StringComparison.Ordinal);
        }

        string markdown = File.ReadAllText(Path.Combine(run, "report", "report.md"));
        Assert.Matches(@"\| Rank \| Generator \| +IG math \| +Overall \| +Overall 95% CI \| +Cells \|", markdown);
        Assert.Contains("|   1/1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| gen-a     | instance-generation/math | gsm8k     |   60.00 | 20.00 |     80.00 | 66.67 |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| evaluate \|\s+160 \|", markdown);
        Assert.False(File.Exists(Path.Combine(run, "analysis", "metrics.csv")), "a table the study did not measure is not written");

        // A second run finds everything up to date.
        var again = await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", run);
        Assert.True(again.ExitCode == 0, again.Error + again.Output);
        Assert.Contains("skip    report (up to date)", again.Error, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task Study_WithBaseEqualToReference_SaysWhyThereIsNoPgr_AndStillWritesItsReport()
    {
        if (SharedData.Directory is null)
        {
            return;
        }

        await using var fake = await StudyFake.StartAsync();
        var plan = fake.Plan();
        plan["evaluation"]!["reference"]!["model"] = "base-model";
        string run = Path.Combine(fake.Root, "run");

        var result = await CliRunner.RunAsync("run", "--plan", fake.WritePlan(plan), "--run-dir", run);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("reference score 20 equals base score 20, so PGR is undefined", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(run, "report", "report.html"));
        Assert.Contains("No generator has a PGR yet", html, StringComparison.Ordinal);
        Assert.Contains("<b>Not measured</b>", html, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task MinimalStudy_WhoseReportFailed_ResumesWhenRunAgain()
    {
        if (SharedData.Directory is null)
        {
            return;
        }

        await using var fake = await StudyFake.StartAsync();
        string plan = fake.WritePlan(fake.Plan());
        string run = Path.Combine(fake.Root, "run");
        Assert.Equal(0, (await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", run)).ExitCode);

        // The report step failed before writing anything (its record says so, its folder is gone): the rerun writes it.
        string record = Path.Combine(run, "steps", "report.json");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(record))!.AsObject();
        node["status"] = "failed";
        node["message"] = "a failure";
        File.WriteAllText(record, node.ToJsonString());
        Directory.Delete(Path.Combine(run, "report"), recursive: true);

        var again = await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", run);

        Assert.True(again.ExitCode == 0, again.Error + again.Output);
        Assert.True(File.Exists(Path.Combine(run, "report", "report.html")));
    }

    [PythonTheory]
    [InlineData(7)]
    [InlineData(2024)]
    public async Task Study_KilledAtThreeRandomMoments_ResumesToTheSameScores_WithoutPayingTwiceForGeneration(int seed)
    {
        if (SharedData.Directory is null)
        {
            return;
        }

        // The uninterrupted study, on its own fake.
        string expected;
        int expectedInstances;
        await using (var whole = await StudyFake.StartAsync())
        {
            string wholeRun = Path.Combine(whole.Root, "run");
            var result = await CliRunner.RunAsync("run", "--plan", whole.WritePlan(whole.Plan()), "--run-dir", wholeRun);
            Assert.True(result.ExitCode == 0, result.Error + result.Output);
            expected = File.ReadAllText(Path.Combine(wholeRun, "pgr", "scores.csv"));
            Assert.Equal(Expected(await whole.StatsAsync()), expected);
            expectedInstances = Instances(wholeRun);
        }

        // The same study killed three times. The moments are drawn from the seed: three different stages, in the order
        // they run, and in each a point of progress read from the run folder (generated rows) or the run log (a step starting).
        await using var fake = await StudyFake.StartAsync("--latency-ms", "15");
        string plan = fake.WritePlan(fake.Plan(" --sleep 1"));
        string run = Path.Combine(fake.Root, "run");
        var random = new Random(seed);
        var moments = Stages.Select((s, i) => (Stage: s, Index: i)).OrderBy(_ => random.Next()).Take(3).OrderBy(s => s.Index)
            .Select(s => s.Stage == "generate" ? Moment.Rows(random.Next(2) == 0 ? "gen-a" : "gen-b", random.Next(1, StudyFake.Instances)) : Moment.StepStart(s.Stage, random.Next(4)))
            .ToArray();
        int killed = 0, killedInGeneration = 0;
        foreach (var moment in moments)
        {
            long logOffset = File.Exists(Path.Combine(run, "run.log")) ? new FileInfo(Path.Combine(run, "run.log")).Length : 0;
            using var process = StudyFake.StartCli("run", "--plan", plan, "--run-dir", run);
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!process.HasExited && !moment.Reached(run, logOffset) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            if (!process.HasExited)
            {
                // SIGKILL: no handler runs, nothing is flushed.
                process.Kill(entireProcessTree: true);
                killed++;
                killedInGeneration += moment.Stage == "generate" ? 1 : 0;
            }

            await process.WaitForExitAsync();
            await Task.WhenAll(stderr, stdout);
            Assert.True(process.ExitCode is 137 or -1 or 0, $"{moment}: exit {process.ExitCode}: {await stderr}");
        }

        var resumed = await CliRunner.RunAsync("run", "--plan", plan, "--run-dir", run);

        Assert.True(resumed.ExitCode == 0, resumed.Error + resumed.Output);
        Assert.True(killed >= 1, $"no kill at {string.Join(", ", moments.Select(m => m.ToString()))} landed before the run ended");
        Assert.Equal(expected, File.ReadAllText(Path.Combine(run, "pgr", "scores.csv")));
        Assert.Equal(expectedInstances, Instances(run));
        Assert.True(File.Exists(Path.Combine(run, "report", "report.html")));

        // Generation paid once per instance, except for requests in flight when the process was killed (at most each generator's concurrency).
        var generation = (await fake.StatsAsync()).GetProperty("generation");
        int answered = generation.GetProperty("answered").GetInt32();
        int inFlightBound = killedInGeneration * 2 * StudyFake.Concurrency;
        Assert.InRange(answered, expectedInstances, expectedInstances + inFlightBound);
        Assert.InRange(generation.GetProperty("repeated").GetInt32(), 0, inFlightBound);
    }

    /// <summary>The score table the accuracies set on the fake imply, checked against what the fake counted it answered correctly.</summary>
    private static string Expected(JsonElement stats)
    {
        var students = stats.GetProperty("students");
        string Score(string model)
        {
            var s = students.GetProperty(model);
            double counted = 100.0 * s.GetProperty("correct").GetInt32() / s.GetProperty("answered").GetInt32();
            double set = 100 * StudyFake.Accuracies[model];
            Assert.Equal(set, counted, 6);
            return set.ToString("R", CultureInfo.InvariantCulture);
        }

        string b = Score("base-model"), r = Score("reference-model");
        return "generator,method,domain,benchmark,student,base,reference\n"
            + $"gen-a,instance-generation,math,gsm8k,{Score("student-gen-a-instance-generation-math")},{b},{r}\n"
            + $"gen-b,instance-generation,math,gsm8k,{Score("student-gen-b-instance-generation-math")},{b},{r}\n";
    }

    private static int Instances(string run) =>
        Directory.EnumerateFiles(Path.Combine(run, "cells"), "data.jsonl", SearchOption.AllDirectories).Sum(f => File.ReadLines(f).Count(l => l.Trim().Length > 0));

    /// <summary>A point of a run's progress: a cell holding some generated rows, or the n-th step of a stage starting (as the run log says).</summary>
    private sealed record Moment(string Stage, string? Generator, int Count)
    {
        public static Moment Rows(string generator, int rows) => new("generate", generator, rows);

        public static Moment StepStart(string stage, int nth) => new(stage, null, nth);

        public bool Reached(string run, long logOffset)
        {
            if (Generator is not null)
            {
                string data = Path.Combine(run, "cells", Generator, "instance-generation-math", "data.jsonl");
                return File.Exists(data) && Lines(data).Count(l => l.Length > 0) >= Count;
            }

            string log = Path.Combine(run, "run.log");
            if (!File.Exists(log))
            {
                return false;
            }

            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(logOffset, SeekOrigin.Begin);
            int starts = new StreamReader(stream).ReadToEnd().Split('\n')
                .Select(l => l.Split(' '))
                .Count(f => f.Length == 3 && f[2] == "started" && f[1].Split(':')[0] == Stage);

            // The n-th start of the stage, or its last one when the stage has fewer steps.
            return starts > Math.Min(Count, StepsPerStage[Stage] - 1);
        }

        public override string ToString() => Generator is null ? $"start #{Count + 1} of {Stage}" : $"{Count} rows of {Generator}";

        private static IEnumerable<string> Lines(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }
}
