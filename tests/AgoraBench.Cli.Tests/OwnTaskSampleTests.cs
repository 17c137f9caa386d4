using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AgoraBench.Tests.TestSupport;
using Xunit.Abstractions;

namespace AgoraBench.Cli.Tests;

/// <summary>
/// The own-task sample (samples/own-task, the plan of issue 14 as written) run end to end through the report over
/// the loopback study fake, which plays both generators, the judge, the students, the base and the reference model.
/// </summary>
public sealed class OwnTaskSampleTests(ITestOutputHelper output) : IDisposable
{
    // What the fake is told: each model's share of correct answers on the 40 test questions. The reference's rule
    // comes first because the base model's name is part of it. 40 × each accuracy is whole, so scores are exact.
    private static readonly (string Pattern, double Accuracy)[] Accuracies =
    [
        ("student-gpt-4o-mini-*", 0.6),
        ("student-llama-3.1-8b-*", 0.4),
        ("meta-llama/Llama-3.1-8B-Instruct", 0.8),
        ("meta-llama/Llama-3.1-8B", 0.2),
    ];

    private readonly TempFiles _temp = new();

    public void Dispose() => _temp.Dispose();

    [StudyFakeFact]
    public async Task OwnTaskSample_RunAsWrittenOverTheStudyFake_ScoresEveryCellOnBothBenchmarks_AtTheAccuraciesSet()
    {
        string study = CopySample(_temp.PathOf("study"));
        int questions = File.ReadLines(Path.Combine(study, "data", "test.jsonl")).Count(l => l.Trim().Length > 0);
        var fakeArguments = new List<string>
        {
            "--answers", Path.Combine(study, "data", "test.jsonl"), "--answer-field", "sql", "--answers-template", "```sql\n{answer}\n```",
            "--default-accuracy", "0",
        };
        foreach (var (pattern, accuracy) in Accuracies)
        {
            fakeArguments.Add("--accuracy");
            fakeArguments.Add(string.Create(CultureInfo.InvariantCulture, $"{pattern}={accuracy}"));
        }

        using var fake = await StudyFakeProcess.StartAsync(SharedData.Path("tools/study_fake.py"), _temp.Root, fakeArguments);
        string runDir = Path.Combine(study, "runs", "e2e");
        var clock = Stopwatch.StartNew();

        var (exitCode, stdout, stderr) = await RunCliAsync(
            ["run", "--plan", Path.Combine(study, "plan.json"), "--run-dir", runDir],
            new Dictionary<string, string>
            {
                ["OPENAI_BASE_URL"] = fake.Url,
                ["VLLM_URL"] = fake.Url,
                ["VLLM_BASE_URL"] = fake.Url,
                ["OPENAI_API_KEY"] = "sk-own-task-test",
                ["STUDY_FAKE_URL"] = fake.Url,
                ["AGORABENCH_FAKE_TRAIN"] = SharedData.Path("tools/fake_train.py"),
            },
            TimeSpan.FromMinutes(15));
        output.WriteLine($"agorabench run took {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(exitCode == 0, $"exit code {exitCode}\n{stderr}\n{stdout}");
        string[] lines = File.ReadAllLines(Path.Combine(runDir, "pgr", "scores.csv")).Where(l => l.Length > 0).ToArray();
        Assert.Equal("generator,method,domain,benchmark,student,base,reference", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        var cells = new List<string>();
        double scale = rows.Max(r => double.Parse(r[6], CultureInfo.InvariantCulture)) > 1 ? 100 : 1;
        double tolerance = scale / questions;
        foreach (string generator in new[] { "gpt-4o-mini", "llama-3.1-8b" })
        {
            foreach (string method in new[] { "instance-generation", "response-generation", "quality-enhancement" })
            {
                foreach (string benchmark in new[] { "sql-exec", "sql-judge" })
                {
                    var row = rows.SingleOrDefault(r => r[0] == generator && r[1] == method && r[2] == "sql" && r[3] == benchmark);
                    Assert.True(row is not null, $"no score for {generator} {method}/sql on {benchmark}:\n{string.Join('\n', lines)}");
                    double student = generator == "gpt-4o-mini" ? 0.6 : 0.4;
                    Assert.InRange(double.Parse(row[4], CultureInfo.InvariantCulture), (student * scale) - tolerance, (student * scale) + tolerance);
                    Assert.InRange(double.Parse(row[5], CultureInfo.InvariantCulture), (0.2 * scale) - tolerance, (0.2 * scale) + tolerance);
                    Assert.InRange(double.Parse(row[6], CultureInfo.InvariantCulture), (0.8 * scale) - tolerance, (0.8 * scale) + tolerance);
                    cells.Add(generator + method + benchmark);
                }
            }
        }

        Assert.Equal(12, rows.Count);
        Assert.Equal(12, cells.Distinct().Count());
        Assert.True(Directory.Exists(Path.Combine(runDir, "report")) && Directory.EnumerateFiles(Path.Combine(runDir, "report")).Any(), "the run wrote no report");

        // The fake saw every role: generation of both generators, the judge, eight models answering the questions.
        using var stats = JsonDocument.Parse(File.ReadAllText(fake.StatsPath));
        var root = stats.RootElement;
        Assert.True(root.GetProperty("generation").GetProperty("answered").GetInt32() > 0);
        Assert.True(root.GetProperty("judge").GetProperty("rubric").GetInt32() >= 8 * questions);
        var students = root.GetProperty("students").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(8, students.Count);
        output.WriteLine($"generation requests answered: {root.GetProperty("generation").GetProperty("answered").GetInt32()}, total requests: {root.GetProperty("requests").GetInt32()}");
    }

    [PythonFact]
    public async Task OwnTaskSampleData_EveryCheckPassesItsGoldQuery_AndFailsEveryOtherOne()
    {
        // make_data.py --check runs every seed and gold query on the shop, then each test's check with its own gold
        // query, with the 39 other gold queries and with a broken one (the fake's wrong answers are other gold queries).
        var start = new ProcessStartInfo(RepositoryPaths.Python!) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "samples", "own-task", "data", "make_data.py"));
        start.ArgumentList.Add("--check");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, stderr);
        Assert.Equal("30 seeds and 40 test questions: every query runs; each check passes its gold query and fails the 39 other gold queries and a broken one", (await stdout).Trim());
    }

    internal static string CopySample(string target)
    {
        string sample = Path.Combine(RepositoryPaths.Root, "samples", "own-task");
        foreach (string file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(sample, file);
            if (relative.StartsWith("runs", StringComparison.Ordinal) || relative.Contains("__pycache__", StringComparison.Ordinal))
            {
                continue;
            }

            string destination = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }

        return target;
    }

    // The CLI in its own process, so the endpoints' environment variables stay out of the other tests.
    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(string[] args, Dictionary<string, string> environment, TimeSpan timeout)
    {
        var start = CliProcess.StartInfo(args);

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout, $"timed out after {timeout}\n" + await stderr);
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
