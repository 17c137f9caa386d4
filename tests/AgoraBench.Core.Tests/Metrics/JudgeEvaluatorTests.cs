using AgoraBench.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgoraBench.Tests.Metrics;

public sealed class JudgeEvaluatorTests : IAsyncLifetime
{
    private FakeOpenAIServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAIServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task EvaluateAsync_ReturnsANumericMetricWithTheJudgesReason()
    {
        _server.Chat = _ => "Feedback: Correct but terse. [RESULT] 4";
        var evaluator = new JudgeEvaluator(JudgeCriterion.ResponseQuality, BenchmarkDomain.Math);

        var result = await evaluator.EvaluateAsync(
            [new ChatMessage(ChatRole.User, "What is 2+2?")],
            new ChatResponse(new ChatMessage(ChatRole.Assistant, "4")),
            new ChatConfiguration(_server.ChatClient()));

        var metric = result.Get<NumericMetric>("response-quality");
        Assert.Equal(4, metric.Value);
        Assert.Equal("Correct but terse.", metric.Reason);
    }

    [Fact]
    public async Task EvaluateAsync_Garbage_IsADiagnostic_NotAScore()
    {
        _server.Chat = _ => "I refuse.";
        var evaluator = new JudgeEvaluator(JudgeCriterion.ResponseQuality, BenchmarkDomain.Code, new JudgeMetricOptions { MaxAttempts = 2 });

        var result = await evaluator.EvaluateAsync([new ChatMessage(ChatRole.User, "Sort a list.")], new ChatResponse(new ChatMessage(ChatRole.Assistant, "sorted(x)")), new ChatConfiguration(_server.ChatClient()));

        var metric = result.Get<NumericMetric>("response-quality");
        Assert.Null(metric.Value);
        Assert.Contains(metric.Diagnostics!, d => d.Severity == EvaluationDiagnosticSeverity.Error);
        Assert.Equal(2, metric.Diagnostics!.Count(d => d.Severity == EvaluationDiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task EvaluateAsync_WithoutAJudge_ExplainsIt()
    {
        var result = await new JudgeEvaluator(JudgeCriterion.InstructionDifficulty, BenchmarkDomain.Math).EvaluateAsync([new ChatMessage(ChatRole.User, "q")], new ChatResponse());
        Assert.Contains("No judge", result.Get<NumericMetric>("instruction-difficulty").Diagnostics!.Single().Message, StringComparison.Ordinal);
    }
}
