using System.Text.Json.Nodes;

namespace AgoraBench.Cli.Tests;

/// <summary>Canary secrets in the environment and in the plan never reach a file of the run folder or the run's output.</summary>
public sealed class StudySecretsTests
{
    [PythonFact]
    public async Task Run_WithCanarySecretsInTheEnvironmentAndThePlan_WritesNoneOfThemAnywhere()
    {
        if (AgoraBench.Tests.TestSupport.SharedData.Directory is null)
        {
            return;
        }

        await using var fake = await StudyFake.StartAsync();
        var canaries = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HF_TOKEN"] = "canary-hf-token-4f1e",
            ["STUDY_SERVICE_API_KEY"] = "canary-api-key-9a2b",
            ["MY_PLAIN_LOOKING_VALUE"] = "canary-marked-value-77c3",
        };
        var plan = fake.Plan(" --print-env");
        var uri = new Uri(fake.Endpoint);
        plan["generators"]![0]!["endpoint"] = $"http://canary-user:canary-url-password-51d0@{uri.Authority}{uri.AbsolutePath}?api-key=canary-query-key-0e8f";
        plan["training"]!["environment"] = new JsonObject { ["WANDB_API_KEY"] = "canary-wandb-key-c4d2", ["STUDENT_NOTE"] = "plain" };
        string planPath = fake.WritePlan(plan);
        string run = Path.Combine(fake.Root, "run");

        using var process = StudyFake.StartCli(
            new Dictionary<string, string>(canaries) { ["AGORABENCH_SECRETS"] = "MY_PLAIN_LOOKING_VALUE" },
            "run", "--plan", planPath, "--run-dir", run);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string output = await stdout + await stderr;

        Assert.True(process.ExitCode == 0, output);
        string progress = File.ReadAllText(Path.Combine(run, "cells", "gen-a", "instance-generation-math", "training", "progress.log"));
        Assert.Contains("HF_TOKEN=***", progress, StringComparison.Ordinal);
        Assert.Contains("MY_PLAIN_LOOKING_VALUE=***", progress, StringComparison.Ordinal);
        Assert.Contains("STUDENT_NOTE=plain", progress, StringComparison.Ordinal);
        var files = Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories).ToArray();
        Assert.True(files.Length > 20);
        foreach (string file in files)
        {
            string text = File.ReadAllText(file);
            Assert.False(text.Contains("canary", StringComparison.Ordinal), $"{Path.GetRelativePath(run, file)} holds a canary secret");
        }

        Assert.DoesNotContain("canary", output, StringComparison.Ordinal);
    }
}
