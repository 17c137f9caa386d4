using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Evaluation;

/// <summary>
/// The public evaluation façade over real files and a loopback OpenAI-compatible server: answering resumes and counts
/// the resumed answers, grading scores what the model answered, and misuse is refused before anything is read.
/// </summary>
public sealed class AgoraBenchEvaluationTests : IDisposable
{
    private const string Gsm8k = """
        {"question": "What is 40 + 2?", "answer": "40 + 2 = 42\n#### 42"}
        {"question": "What is 3 + 4?", "answer": "3 + 4 = 7\n#### 7"}
        {"question": "What is 1,000 + 1?", "answer": "#### 1,001"}
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task EvaluateThenGrade_AnswersOnlyTheMissingProblems_AndScoresTheAnswers()
    {
        var gsm8k = AgoraBenchEvaluation.FindBuiltInBenchmark("GSM8K");
        Assert.NotNull(gsm8k);
        Assert.Contains(AgoraBenchEvaluation.BuiltInBenchmarks, b => b.Id == "alpacaeval-2.0");
        var problems = await gsm8k.ReadProblemsAsync(_temp.Write("test.jsonl", Gsm8k));
        string predictions = _temp.File("predictions.jsonl");
        File.WriteAllText(predictions, "{\"id\": \"0\", \"output\": \"The answer is 42\"}\n");

        await using var server = await FakeOpenAIServer.StartAsync();
        server.Chat = prompt => prompt.Contains("3 + 4", StringComparison.Ordinal) ? "[RESULT] 7 [/RESULT]" : "[RESULT] 5 [/RESULT]";
        var counts = new List<int>();
        var answered = await AgoraBenchEvaluation.EvaluateAsync(server.ChatClient("student"), gsm8k, problems, predictions, concurrency: 1, answered: new SynchronousProgress<int>(counts.Add));

        Assert.Equal(2, server.ChatCompletionsServed);               // the resumed problem was not asked again
        Assert.Equal([1, 2, 3], counts);
        Assert.Empty(answered.Failed);
        Assert.Null(answered.Json);
        Assert.StartsWith("Answered 2 problem(s) now (3 evaluated, 0 used as demonstrations)", answered.Summary, StringComparison.Ordinal);

        var graded = await AgoraBenchEvaluation.GradeAsync(gsm8k, problems, predictions);
        Assert.Equal(200.0 / 3, graded.Score!.Value, 9);
        Assert.Equal("gsm8k: 66.67% of 3 problems", graded.Summary);
        using var json = JsonDocument.Parse(graded.Json!);
        Assert.Equal(3, json.RootElement.GetProperty("n").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("pass_at_k", out _));
        Assert.Equal([true, true, false], json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("correct").GetBoolean()));
    }

    [Fact]
    public async Task Grade_RejectsPredictionsOfOtherProblems_UnlessTheyAreToBeLeftOut()
    {
        var gsm8k = AgoraBenchEvaluation.FindBuiltInBenchmark("gsm8k")!;
        var problems = (await gsm8k.ReadProblemsAsync(_temp.Write("test.jsonl", Gsm8k))).Take(1).ToArray();
        string predictions = _temp.Write("predictions.jsonl", "{\"id\": \"0\", \"output\": \"42\"}\n{\"id\": \"2\", \"output\": \"1001\"}\n");

        var error = await Assert.ThrowsAsync<DataValidationException>(() => AgoraBenchEvaluation.GradeAsync(gsm8k, problems, predictions));
        Assert.Contains(error.Errors, e => e.Message.Contains("'2' is not a problem id", StringComparison.Ordinal));

        var graded = await AgoraBenchEvaluation.GradeAsync(gsm8k, problems, predictions, ignoreOtherPredictions: true);
        Assert.Equal(100, graded.Score);
        Assert.Equal("gsm8k: 100.00% of 1 problems", graded.Summary);
    }

    [Fact]
    public async Task HalfTheLengthControlInputs_IsRefusedBeforeAnyFileIsRead()
    {
        string missing = _temp.File("nowhere.json");
        await Assert.ThrowsAsync<ArgumentException>(() => AgoraBenchEvaluation.WinRatesAsync([missing], instructionDifficultyPath: missing));
        await using var server = await FakeOpenAIServer.StartAsync();
        await Assert.ThrowsAsync<ArgumentException>(() => AgoraBenchEvaluation.JudgeAsync(server.ChatClient("judge"), "alpaca-eval", missing, missing, gamedBaselinesPath: missing));
        await Assert.ThrowsAsync<ArgumentNullException>(() => AgoraBenchEvaluation.JudgeAsync(server.ChatClient("judge"), "arena-hard", missing, missing));
        await Assert.ThrowsAsync<ArgumentException>(() => AgoraBenchEvaluation.JudgeAsync(server.ChatClient("judge"), "gsm8k", missing, missing, missing));
        Assert.Equal(0, server.ChatCompletionsServed);
    }
}
