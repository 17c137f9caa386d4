using System.Text.Json;

namespace AgoraBench.Cli.Tests;

/// <summary>A model endpoint that refuses (401) stops its evaluation at once instead of retrying every problem.</summary>
public sealed class StudyRefusalTests
{
    [PythonFact]
    public async Task Run_WhoseEvaluatedModelsAnswer401_StopsEachEvaluationAtOnce_WithAClearMessage()
    {
        if (AgoraBench.Tests.TestSupport.SharedData.Directory is null)
        {
            return;
        }

        // The fake wants a key; the generators have it, the base, reference and students do not.
        await using var fake = await StudyFake.StartAsync("--api-key", "the-right-key-8d1f");
        var plan = fake.Plan();
        foreach (var generator in plan["generators"]!.AsArray())
        {
            generator!["apiKeyEnv"] = "STUDY_FAKE_KEY";
        }

        plan["evaluation"]!["base"]!["concurrency"] = 2;
        plan["evaluation"]!["reference"]!["concurrency"] = 2;
        plan["training"]!["studentConcurrency"] = 2;
        string run = Path.Combine(fake.Root, "run");
        using var process = StudyFake.StartCli(new Dictionary<string, string> { ["STUDY_FAKE_KEY"] = "the-right-key-8d1f" }, "run", "--plan", fake.WritePlan(plan), "--run-dir", run);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string error = await stderr;
        await stdout;

        Assert.Equal(4, process.ExitCode);
        var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "steps", "evaluate.base.gsm8k.json"))).RootElement;
        Assert.Equal("failed", record.GetProperty("status").GetString());
        Assert.Contains("refused the request", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("HTTP 401", record.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("refused the request", error, StringComparison.Ordinal);
        Assert.DoesNotContain("the-right-key-8d1f", error, StringComparison.Ordinal);

        // Four evaluations (base, reference, two students) of 40 problems: per evaluation the two in flight, plus at most one
        // the loop started before the stop reached it — not 4 × 40 × retries (640).
        var stats = await fake.StatsAsync();
        int refused = stats.GetProperty("faults").GetProperty("401").GetInt32();
        Assert.InRange(refused, 1, 4 * (2 + 1));
        Assert.Equal(2 * StudyFake.Instances, stats.GetProperty("generation").GetProperty("answered").GetInt32());
    }
}
