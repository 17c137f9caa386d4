namespace AgoraBench.Tests.Pgr;

public sealed class BudgetDecisionTests
{
    private static BenchmarkScore Score(string generator, int studentCorrectPerTen, int n = 200)
    {
        var items = Enumerable.Range(0, n).Select(i => new PgrItemOutcome($"q{i:000}", i % 10 < studentCorrectPerTen ? 100 : 0, i % 10 < 2 ? 100 : 0, i % 10 < 9 ? 100 : 0)).ToArray();
        return new BenchmarkScore(generator, GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", items.Average(i => i.Student), items.Average(i => i.Base), items.Average(i => i.Reference)) { Items = items };
    }

    private static PgrReport Report() => new PgrCalculator().Calculate(
        [Score("premium", 8), Score("mid", 6), Score("cheap", 5), Score("nocost", 7)],
        new PgrCalculationOptions { BootstrapRounds = 2000 });

    [Fact]
    public void Decide_PicksTheBestAffordable_WithTheBootstrapProbabilityOfBeatingTheNext()
    {
        var report = Report();
        BudgetCandidate[] costs = [new("premium", 120), new("mid", 40) { Instances = 10_000 }, new("cheap", 8), new("ghost", 1)];

        var decision = BudgetDecision.Decide(report, costs, 50);

        Assert.Equal("mid", decision.Best!.Generator);
        Assert.Equal(10_000, decision.Best.Instances);
        Assert.Equal("cheap", decision.RunnerUp!.Generator);
        Assert.False(decision.Choices.Single(c => c.Generator == "premium").Affordable);
        Assert.Equal(["mid", "cheap", "premium"], decision.Choices.Select(c => c.Generator));

        // The probability is the one the report's own paired comparison gives for the same two generators.
        Assert.Equal(report.Compare("mid", "cheap")!.ProbabilityBetter, decision.ProbabilityBestIsBetter!.Value, 9);
        Assert.Equal(report.Compare("mid", "cheap")!.Difference.Lower, decision.Difference!.Lower, 9);
        Assert.Equal(report.Compare("mid", "cheap")!.IsSignificantlyBetter, decision.IsSignificant);
        Assert.Contains(decision.Notes, n => n.StartsWith("nocost has no cost", StringComparison.Ordinal));
        Assert.Contains(decision.Notes, n => n.StartsWith("ghost has a cost but no PGR", StringComparison.Ordinal));
        Assert.StartsWith("Within USD 50.00, mid (10,000 instances per setting) gives the most overall PGR", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ALargerBudget_BuysTheBetterGenerator_AndABudgetBelowEveryCost_NamesTheCheapest()
    {
        var report = Report();
        BudgetCandidate[] costs = [new("premium", 120), new("mid", 40), new("cheap", 8)];

        var rich = BudgetDecision.Decide(report, costs, 500);
        var poor = BudgetDecision.Decide(report, costs, 5);

        Assert.Equal("premium", rich.Best!.Generator);
        Assert.True(rich.ProbabilityBestIsBetter > 0.5);
        Assert.Null(poor.Best);
        Assert.Contains("no generator is affordable; the cheapest, cheap, costs USD 8.00", poor.Summary, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => BudgetDecision.Decide(report, costs, 0));
    }

    [Fact]
    public void Decide_WithoutOutcomes_HasNoProbability_AndSaysSo()
    {
        var report = new PgrCalculator().Calculate([Score("a", 8).WithItems(null), Score("b", 6).WithItems(null)]);

        var decision = BudgetDecision.Decide(report, [new("a", 10), new("b", 10)], 20);

        Assert.Equal("a", decision.Best!.Generator);
        Assert.Null(decision.ProbabilityBestIsBetter);
        Assert.Contains("no paired resamples", decision.Summary, StringComparison.Ordinal);
    }
}
