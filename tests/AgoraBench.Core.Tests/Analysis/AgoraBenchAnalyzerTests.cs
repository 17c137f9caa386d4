namespace AgoraBench.Tests.Analysis;

public class AgoraBenchAnalyzerTests
{
    private static readonly string[] Generators = ["A", "B", "C", "D"];

    private static AnalysisInput Study(Func<string, AgoraBenchSetting, string, double?>? metric = null)
    {
        var settings = AgoraBenchSettings.All.Take(3).ToArray();
        var cells = new List<SettingPgr>();
        var metrics = new List<IntrinsicMetricValue>();
        var problemSolving = new List<ProblemSolvingScore>();
        for (int g = 0; g < Generators.Length; g++)
        {
            for (int s = 0; s < settings.Length; s++)
            {
                cells.Add(new SettingPgr(Generators[g], settings[s], (10 * g) + (3 * s) + ((g * s) % 3)));
                foreach (string name in new[] { "difficulty", "diversity", "quality" })
                {
                    double value = name switch
                    {
                        "difficulty" => 2 + (0.3 * g) + (0.1 * s),
                        "diversity" => 0.4 + (0.05 * ((g + s) % 3)),
                        _ => 3 + (0.2 * ((g * 2) % 3)) - (0.1 * s),
                    };
                    if ((metric?.Invoke(Generators[g], settings[s], name) ?? value) is double v)
                    {
                        metrics.Add(new IntrinsicMetricValue(Generators[g], settings[s], name, v));
                    }
                }
            }

            foreach (var benchmark in EvaluationBenchmarks.All)
            {
                problemSolving.Add(new ProblemSolvingScore(Generators[g], benchmark.Id, 50 + (7 * g) + (benchmark.Id.Length % 4)));
            }
        }

        return new AnalysisInput
        {
            Cells = cells,
            IntrinsicMetrics = metrics,
            ProblemSolving = problemSolving,
            Prices = [new GeneratorPrice("A", 1, 2), new GeneratorPrice("B", 0.5, 1), new GeneratorPrice("C", 2.5, 10)],
        };
    }

    [Fact]
    public void Analyze_SmallStudy_ComputesEveryPartWithoutNaN()
    {
        var analysis = AgoraBenchAnalyzer.Analyze(Study(), new AnalysisOptions { PrincipalComponents = 3 });

        Assert.Equal(4, analysis.Coarse!.Regression.N);
        Assert.Equal(12, analysis.Fine!.Regression.N);
        Assert.Equal(["difficulty", "diversity", "quality", "problem_solving"], analysis.Pca!.Features);
        Assert.Equal(12, analysis.PcaObservations.Count);
        Assert.Equal(3, analysis.PcRegression!.Components);
        Assert.Equal(3, analysis.Costs.Count);
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "cost" && d.Message == "D has no price");
        string json = AnalysisReportWriter.Json(analysis);
        Assert.DoesNotContain("NaN", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ConstantFeature_IsLeftOutWithADiagnostic()
    {
        var analysis = AgoraBenchAnalyzer.Analyze(Study((_, _, name) => name == "diversity" ? 0.5 : null), new AnalysisOptions { PrincipalComponents = 2 });

        Assert.DoesNotContain("diversity", analysis.Pca!.Features);
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "pca" && d.Message.Contains("constant: diversity", StringComparison.Ordinal));
        Assert.NotNull(analysis.PcRegression);
    }

    [Fact]
    public void Analyze_MissingMetricValue_ExcludesTheObservationAndSaysSo()
    {
        var analysis = AgoraBenchAnalyzer.Analyze(
            Study((g, s, name) => g == "B" && s.Domain == BenchmarkDomain.Code && name == "quality" ? double.NaN : null),
            new AnalysisOptions { PrincipalComponents = 2 });

        Assert.Equal(11, analysis.Pca!.Scores.Count);
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "pca" && d.Message.StartsWith("1 observation(s) excluded for a missing feature value: B · instance-generation/code", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_FewerObservationsThanParameters_SkipsPcRegressionButKeepsPca()
    {
        var input = Study();
        var small = new AnalysisInput
        {
            Cells = [.. input.Cells.Where(c => c.Generator == "A" && c.Setting.Domain != BenchmarkDomain.InstructionFollowing).Concat(input.Cells.Where(c => c.Generator == "B" && c.Setting.Domain == BenchmarkDomain.Math))],
            IntrinsicMetrics = input.IntrinsicMetrics,
            ProblemSolving = input.ProblemSolving,
        };

        var analysis = AgoraBenchAnalyzer.Analyze(small);

        Assert.Equal(3, analysis.Pca!.Scores.Count);
        Assert.Equal(1.0, analysis.Pca.ExplainedVarianceRatio.Sum(), 9);
        Assert.Null(analysis.PcRegression);
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "pc_regression" && d.Message.Contains("more observations than parameters", StringComparison.Ordinal));
        Assert.Null(analysis.Coarse);
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "regression.coarse");
        string json = AnalysisReportWriter.Json(analysis);
        Assert.Contains("\"pc_regression\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"coarse\": null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OnlyCells_SkipsTheRestWithReasons()
    {
        var analysis = AgoraBenchAnalyzer.Analyze(new AnalysisInput { Cells = Study().Cells });
        Assert.Null(analysis.Coarse);
        Assert.Null(analysis.Fine);
        Assert.Null(analysis.Pca);
        Assert.Empty(analysis.Costs);
        Assert.Equal(
            ["regression.coarse", "regression.fine", "pca", "pc_regression", "cost"],
            analysis.Diagnostics.Select(d => d.Stage));
    }

    [Fact]
    public void Costs_UseMeasuredUsage()
    {
        var input = Study();
        var analysis = AgoraBenchAnalyzer.Analyze(new AnalysisInput
        {
            Cells = input.Cells,
            Prices = [new GeneratorPrice("C", 2.5, 10)],
            Usage = [new GenerationUsage("C", 600, 1_200_000, 300_000), new GenerationUsage("C", 400, 800_000, 200_000)],
        });

        var cost = Assert.Single(analysis.Costs);
        Assert.True(cost.TokensMeasured);
        Assert.Equal((2000.0, 500.0), (cost.InputTokensPerInstance, cost.OutputTokensPerInstance));
        Assert.Equal(((2000 * 2.5) + (500 * 10)) / 1e6, cost.UsdPerInstance, 12);
        Assert.Equal(cost.UsdPerInstance * 10_000 * 3, cost.UsdPerStudy, 9);
        Assert.Equal(analysis.Leaderboard["C"].Overall / cost.UsdPerStudy, cost.PgrPerUsd, 12);
    }

    [Fact]
    public void Budget_InterpolatesInLogInstances_AndNeverExtrapolates()
    {
        var input = Study();
        double overallA = PgrReport.Create(input.Cells)["A"].Overall;
        var analysis = AgoraBenchAnalyzer.Analyze(
            new AnalysisInput
            {
                Cells = input.Cells,
                Prices = [new GeneratorPrice("A", 1, 1), new GeneratorPrice("B", 100, 100)],
                Usage = [new GenerationUsage("A", 1, 500, 500), new GenerationUsage("B", 1, 500, 500)],
                ScalingPoints = [new ScalingPoint("A", 50_000, overallA + 10)],
            },
            new AnalysisOptions { BudgetUsdPerSetting = 25 });

        // A costs $0.001 per instance: $25 buys 25,000 instances, between the 10K and 50K points.
        var a = analysis.Budget.Single(b => b.Generator == "A");
        Assert.Equal(25_000, a.Instances);
        double t = (Math.Log(25_000) - Math.Log(10_000)) / (Math.Log(50_000) - Math.Log(10_000));
        Assert.Equal(overallA + (10 * t), a.PredictedPgr, 9);
        Assert.Equal("interpolated between 10000 and 50000 instances", a.Basis);

        // B costs $0.1 per instance: $25 buys 250, fewer than the smallest measured size.
        Assert.DoesNotContain(analysis.Budget, b => b.Generator == "B");
        Assert.Contains(analysis.Diagnostics, d => d.Stage == "budget" && d.Message.StartsWith("B:", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_InvalidOptions_ListsEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => AgoraBenchAnalyzer.Analyze(
            Study(),
            new AnalysisOptions { PrincipalComponents = 0, InstancesPerSetting = 0, BudgetUsdPerSetting = -1 }));
        Assert.Contains("PrincipalComponents", ex.Message, StringComparison.Ordinal);
        Assert.Contains("InstancesPerSetting", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BudgetUsdPerSetting", ex.Message, StringComparison.Ordinal);
    }
}
