using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AgoraBench.Tests.Running;

/// <summary>
/// A host brings its own data generator, grader kind and benchmark through DI (<c>AddDataGenerator</c>,
/// <c>AddGrader</c>, <c>AddBenchmark</c>); a whole study run by <see cref="AgoraBenchRunner"/> over the loopback
/// server must use each of them: the generator's instances are the ones trained on, the host benchmark's problems are
/// asked and every answer is scored by the host grader.
/// </summary>
public sealed class HostRegistrationTests : IAsyncLifetime
{
    private const int Problems = 10;

    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync(instances: 6);

    public async Task DisposeAsync() => await _study.DisposeAsync();

    [Fact]
    public async Task HostGenerator_Grader_AndBenchmark_RegisteredThroughDI_AreWhatTheRunnerUses()
    {
        // The host benchmark: ten "tally" questions; each model answers a share of them right (its level in tenths).
        var tally = new StringBuilder();
        for (int i = 0; i < Problems; i++)
        {
            tally.Append(new JsonObject { ["id"] = $"t{i}", ["word"] = $"word{i}", ["count"] = i + 3 }.ToJsonString()).Append('\n');
        }

        File.WriteAllText(Path.Combine(_study.Root, "bench", "tally.jsonl"), tally.ToString());
        var levels = new Dictionary<string, int>(StringComparer.Ordinal) { ["base-model"] = 2, ["reference-model"] = 8, ["gen-a-model"] = 7, ["gen-b-model"] = 5 };
        var generationRequests = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var inner = _study.Server.ChatByModel!;
        _study.Server.ChatByModel = (model, prompt) =>
        {
            if (prompt.StartsWith("TALLY ", StringComparison.Ordinal))
            {
                int index = int.Parse(prompt.Split(' ')[1].Replace("word", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture);
                int level = levels.TryGetValue(model, out int known) ? known : model.StartsWith("student-gen-a", StringComparison.Ordinal) ? 6 : 4;
                return index < level ? $"I count {index + 3} of them." : "I count 99 of them.";
            }

            if (model.StartsWith("gen-", StringComparison.Ordinal))
            {
                generationRequests.AddOrUpdate(model, 1, (_, n) => n + 1);
            }

            return inner(model, prompt);
        };

        File.WriteAllText(Path.Combine(_study.Root, "tally-quality.txt"), "[Is the tally right?]\nScore 1: Wrong count.\nScore 2: Off by a lot.\nScore 3: Off by one.\nScore 4: Right, unclear.\nScore 5: Right and clear.");
        string planPath = _study.WritePlan(instances: 6, edit: plan =>
        {
            plan["settings"] = new JsonArray("instance-generation/math");
            plan["domains"] = new JsonObject
            {
                ["math"] = new JsonObject { ["description"] = "counting", ["benchmarks"] = new JsonArray("tally"), ["rubrics"] = new JsonObject { ["response-quality"] = "tally-quality.txt" } },
            };
            plan["metrics"]!["names"] = new JsonArray("instruction-diversity", "response-quality");
            plan["evaluation"]!["benchmarks"] = new JsonObject { ["tally"] = new JsonObject { ["problems"] = "bench/tally.jsonl" } };
        });

        var hostGenerator = new CountingGenerator();
        var hostGrader = new TallyGraderFactory();
        var services = new ServiceCollection();
        services.AddAgoraBench()
            .AddRunner()
            .AddDataGenerator("gen-a", _ => hostGenerator)
            .AddGrader("tally-count", hostGrader.Create)
            .AddBenchmark(new BenchmarkDefinition
            {
                Id = "tally",
                Domain = "math",
                Prompt = "TALLY {{ word }}",
                Grader = new GraderSpec("tally-count", new JsonObject { ["answer"] = "count" }),
            });
        await using var provider = services.BuildServiceProvider();
        void Configure(AgoraBenchRunnerOptions o)
        {
            o.Environment = Environment;
            o.UseOpenAI(Environment);
        }

        // The plan names the host's benchmark, which only the host's registrations make valid.
        var factory = provider.GetRequiredService<AgoraBenchRunnerFactory>();
        await Assert.ThrowsAsync<DataValidationException>(() => AgoraBenchPlanFile.ReadAsync(planPath, CancellationToken.None));
        var plan = await factory.ReadPlanAsync(planPath, Configure);
        var runner = factory.Create(plan, _study.RunDirectory("host"), Configure);
        var result = await runner.RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Steps.Where(s => s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Status} {s.Message}")));

        // The host generator made every instance of gen-a's cell; gen-a's endpoint was never asked to generate, gen-b's was.
        var data = await SyntheticDataset.ReadAsync(Path.Combine(runner.RunDirectory, "cells", "gen-a", "instance-generation-math", "data.jsonl"));
        Assert.Equal(6, data.Count);
        Assert.All(data, d => Assert.StartsWith("Host instance ", d.Instruction, StringComparison.Ordinal));
        Assert.True(hostGenerator.Calls >= 6, $"{hostGenerator.Calls} calls");
        Assert.False(generationRequests.ContainsKey("gen-a-model"), "gen-a's endpoint generated data");
        Assert.True(generationRequests.GetValueOrDefault("gen-b-model") > 0);

        // The response-quality judge graded with the domain's own rubric file, never the built-in one.
        var judgePrompts = _study.Server.ChatRequests.Where(r => r["model"]!.GetValue<string>() == "metric-judge").Select(r => r.ToJsonString()).ToArray();
        Assert.Equal(2 * 6, judgePrompts.Length);
        Assert.All(judgePrompts, p => Assert.Contains("Score 3: Off by one.", p, StringComparison.Ordinal));
        Assert.Contains("response-quality", File.ReadAllText(Path.Combine(runner.RunDirectory, "analysis", "metrics.csv")), StringComparison.Ordinal);

        // The host benchmark was asked and the host grader scored every answer: two students, base and reference.
        string[] rows = [.. File.ReadAllLines(Path.Combine(runner.RunDirectory, "pgr", "scores.csv")).Skip(1).Where(l => l.Length > 0)];
        Assert.Equal(2, rows.Length);
        var byGenerator = rows.Select(r => r.Split(',')).ToDictionary(r => r[0], r => r);
        Assert.All(byGenerator.Values, r => Assert.Equal("tally", r[3]));
        Assert.Equal([60.0, 20.0, 80.0], byGenerator["gen-a"][4..7].Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal([40.0, 20.0, 80.0], byGenerator["gen-b"][4..7].Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(4 * Problems, hostGrader.Graded - (2 * Problems)); // and the two generators' own answers (problem solving)
        Assert.Equal(100.0 * 4 / 6, result.Leaderboard!["gen-a"].Cells.Single().Value, 6);
    }

    private static string? Environment(string name) => name == StudyFixture.KeyVariable ? StudyFixture.SecretValue : System.Environment.GetEnvironmentVariable(name);

    /// <summary>A host's own data generator: a new arithmetic instance per request, with no model behind it.</summary>
    private sealed class CountingGenerator : IDataGenerator
    {
        private int _calls;

        public int Calls => _calls;

        public Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
        {
            int call = Interlocked.Increment(ref _calls);
            string instruction = string.Create(CultureInfo.InvariantCulture, $"Host instance {request.Item}.{request.Attempt}.{call}: what is {call} plus {request.Item}?");
            string response = string.Create(CultureInfo.InvariantCulture, $"{call} + {request.Item} = {call + request.Item}.\n[RESULT] {call + request.Item} [/RESULT]");
            return Task.FromResult(new GenerationOutcome(instruction, response, null, instruction + "\n" + response, "stop", 10, 10));
        }
    }

    /// <summary>A host's grader kind: the answer is right when it names the gold count; it checks its options like a built-in kind.</summary>
    private sealed class TallyGraderFactory
    {
        private int _graded;

        public int Graded => _graded;

        public IBenchmarkGrader Create(GraderSpec spec, GraderContext context)
        {
            string? field = spec.Text("answer");
            if (field is null || (context.Fields is { } fields && !fields.Contains(field)))
            {
                throw new DataValidationException([new DataError(null, null, "answer", "must name the problems' count field")]);
            }

            return new Grader(this, field);
        }

        private sealed class Grader(TallyGraderFactory owner, string field) : IBenchmarkGrader
        {
            public Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
            {
                Interlocked.Increment(ref owner._graded);
                string gold = item.Problem.Fields[field].ToString();
                return Task.FromResult(ItemScore.Pass(item.Output.Contains($"count {gold} ", StringComparison.Ordinal), "tally"));
            }
        }
    }
}
