using AgoraBench.OpenAI;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Sharding;

public sealed class RunMergerTests : IAsyncLifetime
{
    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private static string? Environment(string name) => name == StudyFixture.KeyVariable ? StudyFixture.SecretValue : System.Environment.GetEnvironmentVariable(name);

    private async Task<RunResult> RunAsync(string folder, ShardSpec shard)
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(), CancellationToken.None);
        var options = new AgoraBenchRunnerOptions { Environment = Environment, Shard = shard }.UseOpenAI(Environment);
        return await new AgoraBenchRunner(plan, _study.RunDirectory(folder), options).RunAsync();
    }

    [Fact]
    public async Task ThreeShards_Merged_GiveTheSameReport_AsOneRun_AndEveryStepCameFromExactlyOneShard()
    {
        var whole = await RunAsync("whole", ShardSpec.Whole);
        Assert.True(whole.Succeeded);
        int requestsBefore = _study.Server.ChatCompletionsServed;

        var shards = new List<RunResult>();
        for (int i = 1; i <= 3; i++)
        {
            var shard = await RunAsync($"shard-{i}", new ShardSpec(i, 3));
            Assert.True(shard.Succeeded, string.Join("\n", shard.Steps.Where(s => shard.Requested.Contains(s.Id) && s.Status != RunStepStatus.Done).Select(s => $"{s.Id}: {s.Message}")));
            Assert.Null(shard.ReportDirectory);
            shards.Add(shard);
        }

        // Every step (PGR, analysis and the report excepted) belongs to exactly one shard.
        var requested = shards.SelectMany(s => s.Requested).ToArray();
        Assert.Equal(requested.Length, requested.Distinct().Count());
        Assert.Equal(whole.Steps.Count - 3, requested.Length);

        var plan = await AgoraBenchPlanFile.ReadAsync(_study.PlanPath);
        var merge = await RunMerger.MergeAsync(plan, [.. Enumerable.Range(1, 3).Select(i => _study.RunDirectory($"shard-{i}"))], _study.RunDirectory("merged"));

        Assert.True(merge.Complete, string.Join(", ", merge.Missing.Concat(merge.Duplicated).Concat(merge.Conflicting)));
        Assert.Equal(3, merge.Sources.Values.Distinct().Count());
        int requestsAfterShards = _study.Server.ChatCompletionsServed;
        var finished = await RunAsync("merged", ShardSpec.Whole);
        Assert.True(finished.Succeeded);
        Assert.Equal(requestsAfterShards, _study.Server.ChatCompletionsServed);
        Assert.All(finished.Steps.Where(s => s.Stage is not (RunStage.Pgr or RunStage.Analyze or RunStage.Report)), s => Assert.Equal("up to date", s.Message));
        Assert.Equal(StudyFixture.Files(whole.ReportDirectory!), StudyFixture.Files(finished.ReportDirectory!));
        Assert.True(requestsAfterShards > requestsBefore);
    }

    [Fact]
    public async Task AMissingShard_AndAShardMergedTwice_AreNamed()
    {
        await RunAsync("a-1", new ShardSpec(1, 2));
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.PlanPath);

        var lacking = await RunMerger.MergeAsync(plan, [_study.RunDirectory("a-1")], _study.RunDirectory("lacking"));
        Assert.False(lacking.Complete);
        Assert.NotEmpty(lacking.Missing);
        Assert.DoesNotContain("pgr", lacking.Missing);

        // The same folder given twice is named as such, not reported as every step done twice.
        var twice = await Assert.ThrowsAsync<DataValidationException>(() => RunMerger.MergeAsync(plan, [_study.RunDirectory("a-1"), _study.RunDirectory("a-1") + "/"], _study.RunDirectory("twice")));
        Assert.Contains("the same shard folder is given 2 times", twice.Message, StringComparison.Ordinal);
        Assert.Contains(_study.RunDirectory("a-1"), twice.Message, StringComparison.Ordinal);

        // Two folders that did the same steps: each step is named as done by more than one shard.
        CopyFolder(_study.RunDirectory("a-1"), _study.RunDirectory("a-1-copy"));
        var doubled = await RunMerger.MergeAsync(plan, [_study.RunDirectory("a-1"), _study.RunDirectory("a-1-copy")], _study.RunDirectory("doubled"));
        Assert.Equal(lacking.Sources.Count, doubled.Duplicated.Count);
        Assert.Empty(doubled.Conflicting);

        var error = await Assert.ThrowsAsync<DataValidationException>(() => RunMerger.MergeAsync(plan, [_study.RunDirectory("a-1")], _study.RunDirectory("doubled")));
        Assert.Contains("new or empty", error.Message, StringComparison.Ordinal);
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
