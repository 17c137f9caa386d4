using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgoraBench.OpenAI.Tests;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Cli.Tests;

public sealed class ScaleOutCommandTests : IAsyncLifetime
{
    private const string MathSeeds =
        "[{\"instruction\": \"What is 2 + 3?\", \"response\": \"2 + 3 = 5.\\n[RESULT] 5 [/RESULT]\"},\n"
        + " {\"instruction\": \"What is 7 * 6?\", \"response\": \"7 * 6 = 42.\\n[RESULT] 42 [/RESULT]\"}]\n";

    private FakeBatchServer _batch = null!;
    private FakeOpenAIServer _online = null!;
    private int _answers;

    public async Task InitializeAsync()
    {
        _batch = await FakeBatchServer.StartAsync();
        _online = await FakeOpenAIServer.StartAsync();
        Func<string> answer = () =>
        {
            int n = Interlocked.Increment(ref _answers);
            return $"Question {n}: what is {n} + {n}?\nOUTPUT: {n} + {n} = {2 * n}.\n[RESULT] {2 * n} [/RESULT]";
        };
        _batch.Answer = _ => answer();
        _online.Chat = _ => answer();
    }

    public async Task DisposeAsync()
    {
        await _batch.DisposeAsync();
        await _online.DisposeAsync();
    }

    private static string[] Generate(TempFiles files, string output, params string[] extra) =>
    [
        "generate", "--method", "instance-generation", "--domain", "math", "--seed", files.Write("seed.json", MathSeeds), "--model", "gpt-4o-mini",
        "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--out", files.PathOf(output), .. extra,
    ];

    [Fact]
    public async Task Generate_WithTheBatchBackend_CostsHalf_AndBatchStatusShowsTheBatch()
    {
        using var files = new TempFiles();
        var (exitCode, output, error) = await CliRunner.RunAsync(Generate(files, "ig.jsonl", "--count", "12", "--backend", "batch", "--endpoint", _batch.Endpoint.ToString(), "--batch-poll", "0.02"));

        Assert.True(exitCode == 0, error + output);
        Assert.Equal(12, File.ReadAllLines(files.PathOf("ig.jsonl")).Length);
        Assert.Contains("batch: 1 batch(es), 12 request(s) submitted", output, StringComparison.Ordinal);
        // gpt-4o-mini's Table 3 price, halved: 12 × (100 × 0.075 + 20 × 0.30) / 1M.
        Assert.Contains("cost $0.0002", output, StringComparison.Ordinal);

        var status = await CliRunner.RunAsync("batch", "status", "--run", files.Root, "--json");
        Assert.True(status.ExitCode == 0, status.Error);
        var batches = JsonNode.Parse(status.Output)!.AsArray();
        Assert.Equal("completed", batches.Single()!["status"]!.GetValue<string>());
        Assert.Equal(12, batches.Single()!["requests"]!.GetValue<int>());
        // The same bytes the earlier hand-written JsonArray produced: these fields in this order, indented, a final newline.
        Assert.Equal(["state", "batch", "round", "status", "requests", "completed", "failed", "collected"], batches.Single()!.AsObject().Select(p => p.Key));
        Assert.Equal(batches.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n", status.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task BatchCancel_StopsARunningBatch_AndTheGeneratorStopsWithAClearError()
    {
        using var files = new TempFiles();
        _batch.Release = false;
        var generating = CliRunner.RunAsync(Generate(files, "ig.jsonl", "--count", "6", "--backend", "batch", "--endpoint", _batch.Endpoint.ToString(), "--batch-poll", "0.02"));
        // A generous bound for a loaded machine: the batch is submitted once the six requests are queued.
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (_batch.BatchesCreated == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        Assert.True(_batch.BatchesCreated > 0, "no batch was submitted within two minutes");

        var cancel = await CliRunner.RunAsync("batch", "cancel", "--run", files.Root);
        var (exitCode, genOutput, error) = await generating;

        Assert.True(cancel.ExitCode == 0, cancel.Error + cancel.Output);
        Assert.Contains("cancel requested for 1 batch(es): batch_1", cancel.Output, StringComparison.Ordinal);
        Assert.True(exitCode == 3, $"exit {exitCode}: {error}{genOutput}");
        Assert.Contains("HTTP 499", error, StringComparison.Ordinal);
        // The cancel reached the API: the server holds the batch as cancelling or cancelled.
        Assert.Contains(_batch.Batches.Values, b => b.Status is "cancelling" or "cancelled");
    }

    [Fact]
    public async Task GenerateShards_MergeWithNothingMissing_AndAMissingShardIsNamed()
    {
        using var files = new TempFiles();
        string[] shards = ["1/3", "2/3", "3/3"];
        foreach (string shard in shards)
        {
            var run = await CliRunner.RunAsync(Generate(files, $"ig.{shard[0]}.jsonl", "--count", "10", "--shard", shard, "--endpoint", _online.Endpoint.ToString()));
            Assert.True(run.ExitCode == 0, run.Error + run.Output);
        }

        var merged = await CliRunner.RunAsync("merge", "--out", files.PathOf("ig.jsonl"), "--expect", "10", files.PathOf("ig.1.jsonl"), files.PathOf("ig.2.jsonl"), files.PathOf("ig.3.jsonl"));
        Assert.True(merged.ExitCode == 0, merged.Error + merged.Output);
        Assert.Contains("Merged 10 row(s) from 3 file(s)", merged.Output, StringComparison.Ordinal);

        var partial = await CliRunner.RunAsync("merge", "--out", files.PathOf("partial.jsonl"), "--expect", "10", files.PathOf("ig.1.jsonl"), files.PathOf("ig.1.jsonl"));
        Assert.Equal(4, partial.ExitCode);
        Assert.Contains("duplicated ids", partial.Output, StringComparison.Ordinal);
        Assert.Contains("6 row(s) short of 10", partial.Output, StringComparison.Ordinal);
        Assert.Contains("row id(s) done by more than one shard", partial.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("requested stages", partial.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_OverTwoReplicas_OneOfThemFailing_AnswersEveryProblem()
    {
        using var files = new TempFiles();
        await using var failing = await FakeOpenAIServer.StartAsync();
        for (int i = 0; i < 100; i++)
        {
            failing.Faults.Enqueue(503);
        }

        _online.Chat = _ => "The answer is\n#### 4";
        string problems = files.Write("gsm8k.jsonl", string.Concat(Enumerable.Range(0, 8).Select(i => $"{{\"question\": \"What is {i} + 4 - {i}?\", \"answer\": \"#### 4\"}}\n")));

        var (exitCode, output, error) = await CliRunner.RunAsync("evaluate", "--benchmark", "gsm8k", "--problems", problems, "--model", "student",
            "--endpoint", failing.Endpoint.ToString(), "--endpoint", _online.Endpoint.ToString(), "--api-key-env", "AGORABENCH_TEST_UNSET_KEY", "--out", files.PathOf("gsm8k.json"));

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("gsm8k: 100.00% of 8 problems", output, StringComparison.Ordinal);
        Assert.InRange(failing.FaultsServed, 1, 8);
    }
}
