using System.Collections.Concurrent;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Metrics;

public sealed class JudgeMetricTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SyntheticInstance Item(string instruction, string response) => new() { Instruction = instruction, Response = response };

    [Fact]
    public async Task ResponseQuality_ManyJudgeFormats_ScoresParsableOnes_ReasksAndRecordsTheRest()
    {
        // Each instruction names what the judge answers on each attempt.
        var scripts = new ConcurrentDictionary<string, Queue<string>>();
        scripts["q1"] = new(["Feedback: great. [RESULT] 5"]);
        scripts["q2"] = new(["Score: 4"]);
        scripts["q3"] = new(["lorem ipsum", "[RESULT] 9", "Feedback: ok [RESULT] 2"]);
        scripts["q4"] = new(["garbage", "more garbage", "still nothing"]);
        scripts["q5"] = new(["3.0"]);
        _server.Chat = prompt =>
        {
            string key = scripts.Keys.First(k => prompt.Contains($"###The instruction to evaluate:\n{k}\n", StringComparison.Ordinal));
            lock (scripts[key])
            {
                return scripts[key].Dequeue();
            }
        };
        var metric = new JudgeMetric(_server.ChatClient(), JudgeCriterion.ResponseQuality, BenchmarkDomain.Math);

        var result = await metric.ComputeAsync([Item("q1", "a"), Item("q2", "a"), Item("q3", "a"), Item("q4", "a"), Item("q5", "a"), Item("q6", " ")]);

        Assert.Equal("response-quality", result.Name);
        Assert.Equal([5.0, 4.0, 2.0, null, 3.0, null], result.Items);
        Assert.Equal((5 + 4 + 2 + 3) / 4.0, result.Value);
        Assert.Equal((4, 2), (result.Count, result.Failed));
        Assert.Equal(
            [(2, "unparsable-score"), (2, "out-of-range-score"), (3, "unparsable-score"), (3, "unparsable-score"), (3, "unparsable-score"), (3, "no-score"), (5, "empty-response")],
            result.Diagnostics.Select(d => (d.Index!.Value, d.Code)));
        Assert.Equal(1 + 1 + 3 + 3 + 1, result.Usage.Requests);
        Assert.Equal(9 * 100, result.Usage.InputTokens);
        Assert.Equal(1, result.Details["score_5"]);
    }

    [Fact]
    public async Task Prompt_HasTheStructureAndSampling_AndDifficultyPutsTheInstructionInTheResponseSlot()
    {
        _server.Chat = _ => "[RESULT] 3";
        var quality = new JudgeMetric(_server.ChatClient(), JudgeCriterion.ResponseQuality, BenchmarkDomain.Code);
        await quality.ComputeAsync([Item("Reverse a list.", "```python\nx[::-1]\n```")]);
        var difficulty = new JudgeMetric(_server.ChatClient(), JudgeCriterion.InstructionDifficulty, BenchmarkDomain.InstructionFollowing);
        await difficulty.ComputeAsync([Item("Plan a trip to Kyoto.", "ignored response")]);

        var requests = _server.ChatRequests.ToArray();
        string qualityPrompt = requests[0]["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Equal("system", requests[0]["messages"]![0]!["role"]!.GetValue<string>());
        foreach (string marker in new[] { "###Task Description:", "###The instruction to evaluate:\nReverse a list.", "###Response to evaluate:\n```python", "###Score Rubric:\n[Does the code", "Score 5:", "[RESULT]" })
        {
            Assert.Contains(marker, qualityPrompt, StringComparison.Ordinal);
        }

        Assert.EndsWith("###Feedback: ", qualityPrompt.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.Equal(1.0, requests[0]["temperature"]!.GetValue<double>(), 6);
        Assert.Equal(0.9, requests[0]["top_p"]!.GetValue<double>(), 6);

        string difficultyPrompt = requests[1]["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Contains("###The instruction to evaluate:\nCreate a general problem that is neither generic nor easy.", difficultyPrompt, StringComparison.Ordinal);
        Assert.Contains("###Response to evaluate:\nPlan a trip to Kyoto.", difficultyPrompt, StringComparison.Ordinal);
        Assert.DoesNotContain("ignored response", difficultyPrompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TransportFailures_AreReaskedAndRecorded()
    {
        _server.Chat = _ => "[RESULT] 4";
        _server.Faults.Enqueue(500);
        _server.Faults.Enqueue(429);
        var metric = new JudgeMetric(_server.ChatClient(), JudgeCriterion.ResponseQuality, BenchmarkDomain.Math, new JudgeMetricOptions { Concurrency = 1 });

        var result = await metric.ComputeAsync([Item("q", "a")]);

        Assert.Equal(4, result.Value);
        Assert.Equal(["request-failed", "request-failed"], result.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public async Task ARefusedRequest_IsNotReasked_AndItsReasonIsRecorded()
    {
        _server.Chat = _ => "[RESULT] 4";
        _server.FaultMessage = "Incorrect API key provided";
        _server.Faults.Enqueue(401);
        var metric = new JudgeMetric(_server.ChatClient(), JudgeCriterion.ResponseQuality, BenchmarkDomain.Math, new JudgeMetricOptions { Concurrency = 1, MaxAttempts = 3 });

        var result = await metric.ComputeAsync([Item("q", "a")]);

        Assert.Null(result.Value);
        Assert.Equal(1, _server.FaultsServed);
        Assert.Equal(0, _server.ChatCompletionsServed);
        var failure = Assert.Single(result.Diagnostics, d => d.Code == "request-failed");
        Assert.Contains("refused (HTTP 401)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Incorrect API key provided", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyDataset_And_AllEmptyResponses_GiveNoValue_NotACrash()
    {
        var metric = new JudgeMetric(_server.ChatClient(), JudgeCriterion.ResponseQuality, BenchmarkDomain.Math);
        var none = await metric.ComputeAsync([]);
        Assert.Null(none.Value);
        var empty = await metric.ComputeAsync([Item("q", ""), Item("", "a")]);
        Assert.Null(empty.Value);
        Assert.Equal(["empty-response", "empty-instruction"], empty.Diagnostics.Select(d => d.Code));
        Assert.Empty(_server.ChatRequests);
    }

    [Fact]
    public void Rubrics_ExistForEveryDomainAndCriterion()
    {
        foreach (var domain in AgoraBenchSettings.Domains)
        {
            foreach (var criterion in Enum.GetValues<JudgeCriterion>())
            {
                var lines = JudgePrompts.Rubric(criterion, domain).Split('\n');
                Assert.Equal(6, lines.Length);
                Assert.StartsWith("[", lines[0], StringComparison.Ordinal);
                Assert.Equal(["Score 1:", "Score 2:", "Score 3:", "Score 4:", "Score 5:"], lines.Skip(1).Select(l => l[..8]));
            }
        }
    }
}
