using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace AgoraBench.Tests.Running;

/// <summary>
/// The run folder's own files, <c>steps/*.json</c> and <c>manifest.json</c>: the bytes match the samples the previous,
/// hand-written writers produced (checked in under Golden/), and a run folder the previous version wrote reads back.
/// </summary>
public sealed partial class RunFolderJsonTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    private StudyFixture _study = null!;

    public async Task InitializeAsync() => _study = await StudyFixture.CreateAsync();

    public async Task DisposeAsync() => await _study.DisposeAsync();

    private static StepRecord Finished() => new()
    {
        Id = "metrics:gen-a:instance-generation/math",
        Status = StepRecord.Done,
        Fingerprint = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
        Outputs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cells/gen-a/instance-generation-math/metrics.json"] = "aa".PadRight(64, '1'),
            ["cells/gen-a/instance-generation-math/data.jsonl"] = "bb".PadRight(64, '2'),
        },
        Message = "ok: 20 instances, “quoted” <tag> & ünïcode",
        StartedAt = Start,
        FinishedAt = Start.AddMinutes(3).AddTicks(1234),
        Summary = new JsonObject
        {
            ["instances"] = 20,
            ["usd"] = 0.125,
            ["mean"] = new JsonObject { ["response-quality"] = 3.5, ["instruction-difficulty"] = null },
            ["names"] = new JsonArray("a", "b"),
            ["note"] = "éa\nb",
        },
    };

    private static StepRecord Started() => new()
    {
        Id = "generate:gen-b:response-generation/code",
        Status = StepRecord.Started,
        Fingerprint = "fp",
        StartedAt = new DateTimeOffset(2026, 3, 4, 7, 6, 5, TimeSpan.FromHours(2)),
    };

    [Fact]
    public async Task StepRecords_AreTheFormatThePreviousVersionWrote()
    {
        var store = new StepRecordStore(new RunDirectory(_study.RunDirectory("records")));

        await store.WriteAsync(Finished(), CancellationToken.None);
        await store.WriteAsync(Started(), CancellationToken.None);

        GoldenFile.Verify(File.ReadAllText(store.PathOf(Finished().Id)), "Running/Golden/step-done.json");
        GoldenFile.Verify(File.ReadAllText(store.PathOf(Started().Id)), "Running/Golden/step-started.json");
    }

    [Fact]
    public void StepRecords_ThePreviousVersionWrote_ReadBack()
    {
        var directory = new RunDirectory(_study.RunDirectory("old-records"));
        var store = new StepRecordStore(directory);
        Directory.CreateDirectory(directory.Steps);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Running", "Golden", "step-done.json"), store.PathOf(Finished().Id));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Running", "Golden", "step-started.json"), store.PathOf(Started().Id));

        var done = store.Load(Finished().Id)!;
        var started = store.Load(Started().Id)!;

        var expected = Finished();
        Assert.Equal((expected.Id, expected.Status, expected.Fingerprint, expected.Message), (done.Id, done.Status, done.Fingerprint, done.Message));
        Assert.Equal(expected.Outputs.OrderBy(o => o.Key), done.Outputs.OrderBy(o => o.Key));
        Assert.Equal((expected.StartedAt, expected.FinishedAt), (done.StartedAt, done.FinishedAt));
        Assert.Equal(expected.StartedAt!.Value.Offset, done.StartedAt!.Value.Offset);
        Assert.True(JsonNode.DeepEquals(expected.Summary, done.Summary), done.Summary?.ToJsonString());
        Assert.Equal((Started().Id, StepRecord.Started, "fp", Started().StartedAt), (started.Id, started.Status, started.Fingerprint, started.StartedAt));
        Assert.Equal(TimeSpan.FromHours(2), started.StartedAt!.Value.Offset);
        Assert.Null(started.FinishedAt);
        Assert.Null(started.Summary);
        Assert.Empty(started.Outputs);
    }

    [Fact]
    public void StepRecords_CutShortOrWithoutTheirKeys_AreAsGoodAsNone()
    {
        var directory = new RunDirectory(_study.RunDirectory("torn-records"));
        var store = new StepRecordStore(directory);
        Directory.CreateDirectory(directory.Steps);
        string full = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Running", "Golden", "step-done.json"));
        File.WriteAllText(store.PathOf("torn"), full[..(full.Length / 2)]);
        File.WriteAllText(store.PathOf("no-fingerprint"), """{"id": "no-fingerprint", "status": "done"}""");
        File.WriteAllText(store.PathOf("array"), "[1, 2]");

        Assert.Null(store.Load("torn"));
        Assert.Null(store.Load("no-fingerprint"));
        Assert.Null(store.Load("array"));
        Assert.Null(store.Load("missing"));
    }

    private async Task<(RunContext Context, IReadOnlyList<RunStep> Steps, FakeTimeProvider Clock)> ContextAsync(string name)
    {
        var plan = await AgoraBenchPlanFile.ReadAsync(_study.WritePlan(), CancellationToken.None);
        var clock = new FakeTimeProvider(Start);
        var options = new AgoraBenchRunnerOptions { TimeProvider = clock, Environment = _ => null };
        var context = new RunContext(plan, new RunDirectory(_study.RunDirectory(name)), options);
        return (context, StepGraph.Build(plan, withMetrics: true), clock);
    }

    // The parts of a manifest that differ from machine to machine: the study's folder, the loopback port, hashes of
    // files that name them, the library's version.
    private string Portable(string manifest)
    {
        string text = manifest.Replace(_study.Root, "<study>", StringComparison.Ordinal)
            .Replace(_study.Server.Endpoint.Authority, "<server>", StringComparison.Ordinal);
        text = Sha256().Replace(text, "<sha256>");
        return LibraryVersion().Replace(text, "\"version\": \"<version>\"");
    }

    [Fact]
    public async Task Manifest_IsTheFormatThePreviousVersionWrote()
    {
        var (context, steps, _) = await ContextAsync("manifest");
        await using (context)
        {
            Directory.CreateDirectory(context.Directory.Root);
            await context.Records.WriteAsync(Finished() with { Id = steps[0].Info.Id }, CancellationToken.None);
            await context.Records.WriteAsync(Started() with { Id = steps[1].Info.Id }, CancellationToken.None);

            await new RunManifest(context).WriteAsync(steps, CancellationToken.None);

            GoldenFile.Verify(Portable(File.ReadAllText(context.Directory.Manifest)), "Running/Golden/manifest.json");
        }
    }

    [Fact]
    public async Task Manifest_ThePreviousVersionWrote_KeepsItsCreationTime()
    {
        var (context, steps, clock) = await ContextAsync("old-manifest");
        await using (context)
        {
            Directory.CreateDirectory(context.Directory.Root);
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Running", "Golden", "manifest.json"), context.Directory.Manifest);
            clock.Advance(TimeSpan.FromDays(2));

            await new RunManifest(context).WriteAsync(steps, CancellationToken.None);

            var manifest = JsonNode.Parse(File.ReadAllText(context.Directory.Manifest))!;
            Assert.Equal("2026-03-04T05:06:07.8900000+00:00", manifest["created"]!.GetValue<string>());
            Assert.Equal("2026-03-06T05:06:07.8900000+00:00", manifest["updated"]!.GetValue<string>());
            Assert.Equal(RunManifest.Format, manifest["format"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Manifest_ThatIsNotJson_IsWrittenAfresh()
    {
        var (context, steps, _) = await ContextAsync("bad-manifest");
        await using (context)
        {
            Directory.CreateDirectory(context.Directory.Root);
            File.WriteAllText(context.Directory.Manifest, "{\"created\": \"2020-01-01T00:00:00.0000000+00:00\", \"steps\": {");

            await new RunManifest(context).WriteAsync(steps, CancellationToken.None);

            var manifest = JsonNode.Parse(File.ReadAllText(context.Directory.Manifest))!;
            Assert.Equal("2026-03-04T05:06:07.8900000+00:00", manifest["created"]!.GetValue<string>());
        }
    }

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex Sha256();

    [GeneratedRegex("\"version\": \"[^\"]*\"")]
    private static partial Regex LibraryVersion();
}
