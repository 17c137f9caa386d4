using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgoraBench.Tests.DependencyInjection;

public class AgoraBenchServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAgoraBench_RegistersCalculatorAndPaperDefaults()
    {
        using var provider = new ServiceCollection().AddAgoraBench().Services.BuildServiceProvider();

        Assert.IsType<PgrCalculator>(provider.GetRequiredService<IPgrCalculator>());
        var options = provider.GetRequiredService<IOptions<AgoraBenchOptions>>().Value;
        Assert.Equal(PgrAggregation.MeanOfPgr, options.Pgr.Aggregation);
        Assert.False(options.Pgr.RequireComplete);
    }

    [Fact]
    public void AddAgoraBench_InvalidOptions_ReportsEveryProblemAtOnce()
    {
        using var provider = new ServiceCollection()
            .AddAgoraBench(o => o.Pgr.Aggregation = (PgrAggregation)9)
            .Services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AgoraBenchOptions>>().Value);
        Assert.Equal(["AgoraBenchOptions.Pgr.Aggregation has the undefined value 9; use one of MeanOfPgr, PgrOfMean."], ex.Failures);
    }

    [Fact]
    public void AddAgoraBench_MissingPgrOptions_AreReportedBeforeTheCalculatorIsMade()
    {
        using var provider = new ServiceCollection().AddAgoraBench(o => o.Pgr = null!).Services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IPgrCalculator>());
        Assert.Equal(["AgoraBenchOptions.Pgr must not be null."], ex.Failures);
    }

    [Fact]
    public void AddAgoraBench_PgrOptionsFlowIntoTheCalculator()
    {
        using var provider = new ServiceCollection()
            .AddAgoraBench(o => o.Pgr.Aggregation = PgrAggregation.PgrOfMean)
            .Services.BuildServiceProvider();

        var report = provider.GetRequiredService<IPgrCalculator>().Calculate(
            [new BenchmarkScore("G", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 50, 0, 100)]);
        Assert.Equal(PgrAggregation.PgrOfMean, report.Aggregation);
    }

    [Fact]
    public void AddAgoraBench_HostRegistrationWins_AndUsePgrCalculatorReplaces()
    {
        var custom = new FixedCalculator();
        var services = new ServiceCollection();
        services.AddSingleton<IPgrCalculator>(custom);
        using (var provider = services.AddAgoraBench().Services.BuildServiceProvider())
        {
            Assert.Same(custom, provider.GetRequiredService<IPgrCalculator>());
        }

        using var replaced = new ServiceCollection().AddAgoraBench().UsePgrCalculator<FixedCalculator>().Services.BuildServiceProvider();
        Assert.IsType<FixedCalculator>(replaced.GetRequiredService<IPgrCalculator>());
    }

    [Fact]
    public void UseStudentTrainer_RegistersTheTrainer()
    {
        var trainer = new PrecomputedStudentTrainer(new Dictionary<string, TrainedStudent>());
        using var provider = new ServiceCollection().AddAgoraBench().UseStudentTrainer(trainer).Services.BuildServiceProvider();
        Assert.Same(trainer, provider.GetRequiredService<IStudentTrainer>());
    }

    [Fact]
    public void AddIntrinsicMetric_RegistersEveryMetric()
    {
        var metric = new RewardModelMetric(new ConstantReward());
        using var provider = new ServiceCollection().AddAgoraBench().AddIntrinsicMetric(metric).AddIntrinsicMetric<LengthMetric>().AddIntrinsicMetric<LengthMetric>().Services.BuildServiceProvider();
        Assert.Equal(["reward-model-quality", "length"], provider.GetServices<IIntrinsicMetric>().Select(m => m.Name));
    }

    [Fact]
    public void Configure_AddsAnotherStep()
    {
        using var provider = new ServiceCollection().AddAgoraBench(o => o.Pgr.RequireComplete = true).Configure(o => o.Pgr.Aggregation = PgrAggregation.PgrOfMean).Services.BuildServiceProvider();
        var pgr = provider.GetRequiredService<IOptions<AgoraBenchOptions>>().Value.Pgr;
        Assert.True(pgr.RequireComplete);
        Assert.Equal(PgrAggregation.PgrOfMean, pgr.Aggregation);
    }

    private sealed class ConstantReward : IRewardModelScorer
    {
        public Task<double> ScoreAsync(string instruction, string response, CancellationToken cancellationToken = default) => Task.FromResult(1.0);
    }

    private sealed class LengthMetric : IIntrinsicMetric
    {
        public string Name => "length";

        public ValueTask<IntrinsicMetricResult> ComputeAsync(IReadOnlyList<SyntheticInstance> instances, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new IntrinsicMetricResult(name: Name, value: instances.Average(i => i.Response.Length), count: instances.Count));
    }

    private sealed class FixedCalculator : IPgrCalculator
    {
        public PgrReport Calculate(IEnumerable<BenchmarkScore> scores, PgrCalculationOptions? options = null) =>
            PgrReport.Create([new SettingPgr("fixed", AgoraBenchSettings.All[0], 1)]);
    }
}
