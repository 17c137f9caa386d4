namespace AgoraBench.Tests.Model;

public class EvaluationBenchmarksTests
{
    [Theory]
    [InlineData("GSM8K", "gsm8k")]
    [InlineData("MATH", "math")]
    [InlineData("HumanEval", "humaneval")]
    [InlineData("alpaca_eval_2.0", "alpacaeval-2.0")]
    [InlineData("AlpacaEval 2.0", "alpacaeval-2.0")]
    [InlineData("alpacaeval_2_0", "alpacaeval-2.0")]
    [InlineData("Arena-Hard", "arena-hard")]
    [InlineData("arena_hard", "arena-hard")]
    public void TryFind_AcceptsCommonSpellings(string name, string id)
    {
        Assert.True(EvaluationBenchmarks.TryFind(name, out var benchmark));
        Assert.Equal(id, benchmark.Id);
    }

    [Fact]
    public void TryFind_RejectsUnknown() => Assert.False(EvaluationBenchmarks.TryFind("mmlu", out _));

    [Fact]
    public void All_HasSixBenchmarksTwoPerDomain()
    {
        Assert.Equal(6, EvaluationBenchmarks.All.Count);
        Assert.All(AgoraBenchSettings.Domains, d => Assert.Equal(2, EvaluationBenchmarks.All.Count(b => b.Domain == d)));
    }
}
