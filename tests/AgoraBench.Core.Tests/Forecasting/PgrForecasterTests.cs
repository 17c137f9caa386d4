using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Forecasting;

/// <summary>
/// The PGR forecast on the paper's published data and on synthetic data: every figure is checked against a
/// computation of its own (the mean baseline by hand, each fold by refitting without that generator), never typed in.
/// </summary>
public class PgrForecasterTests
{
    private static readonly Lazy<PgrForecast> Paper = new(() => PgrForecaster.Forecast(ForecastInput.FromPaper()));

    [Fact]
    public void Paper_UsesEveryPublishedCell_AndAllNineFeatures()
    {
        var forecast = Paper.Value;
        Assert.Equal(54, forecast.Validation.Observations);
        Assert.Equal(54, forecast.PublishedObservations);
        Assert.Equal(6, forecast.Validation.Generators);
        Assert.Equal(9, forecast.Features.Count);
        Assert.Contains(IntrinsicMetricNames.ResponseQuality, forecast.Features);
        Assert.Contains("problem_solving", forecast.Features);
        Assert.Empty(forecast.Predictions);
        Assert.Equal(54, forecast.CrossValidated.Count);
    }

    [Fact]
    public void Paper_MeanBaseline_IsTheMeanOfTheOtherGenerators_ComputedHere()
    {
        var cells = PublishedResults.PgrCells.Rows;
        double[] errors = [.. cells.Select(c => c.Value - cells.Where(o => o.Generator != c.Generator).Average(o => o.Value))];

        var v = Paper.Value.Validation;

        Assert.Equal(errors.Average(Math.Abs), v.MeanMae, 9);
        Assert.Equal(Math.Sqrt(errors.Average(e => e * e)), v.MeanRmse, 9);
    }

    [Fact]
    public void Paper_ErrorsAndCoverage_AreThoseOfTheLeftOutPredictions()
    {
        var forecast = Paper.Value;
        var cv = forecast.CrossValidated;

        Assert.Equal(cv.Average(p => Math.Abs(p.Observed!.Value - p.Predicted)), forecast.Validation.Mae, 9);
        Assert.Equal(Math.Sqrt(cv.Average(p => Math.Pow(p.Observed!.Value - p.Predicted, 2))), forecast.Validation.Rmse, 9);
        Assert.Equal(cv.Count(p => p.Observed >= p.Low && p.Observed <= p.High) / 54.0, forecast.Validation.Coverage, 12);
        Assert.All(cv, p => Assert.True(p.Low <= p.Predicted && p.Predicted <= p.High));
    }

    [Theory]
    [InlineData("GPT-4o")]
    [InlineData("Claude-3.5-Sonnet")]
    [InlineData("Llama-3.1-8B-Instruct")]
    public void Paper_EachFold_EqualsAForecastFittedWithoutThatGenerator(string generator)
    {
        // Hide the generator's PGR: its nine cells become cells to forecast from the other five generators alone. The
        // cross-validated prediction and interval of the full run must be exactly that forecast, or the fold leaked.
        var paper = ForecastInput.FromPaper();
        var hidden = new ForecastInput
        {
            Cells = [.. paper.Cells.Where(c => c.Generator != generator)],
            IntrinsicMetrics = paper.IntrinsicMetrics,
            ProblemSolving = paper.ProblemSolving,
        };

        var without = PgrForecaster.Forecast(hidden);

        Assert.Equal(9, without.Predictions.Count);
        foreach (var predicted in without.Predictions)
        {
            var fold = Paper.Value.CrossValidated.Single(p => p.Generator == generator && p.Setting == predicted.Setting);
            Assert.Equal(predicted.Predicted, fold.Predicted, 9);
            Assert.Equal(without.IntervalHalfWidth, fold.High - fold.Predicted, 9);
        }
    }

    [Fact]
    public void Paper_IsDeterministic_AndSaysPlainlyWhetherItBeatsTheMean()
    {
        var again = PgrForecaster.Forecast(ForecastInput.FromPaper());

        Assert.Equal(ForecastWriter.ToString(Paper.Value, PgrReportFormat.Json), ForecastWriter.ToString(again, PgrReportFormat.Json));
        var v = Paper.Value.Validation;
        Assert.Equal(v.Mae < v.MeanMae && v.Rmse < v.MeanRmse, v.BetterThanMean);
        Assert.Equal(!v.BetterThanMean, Paper.Value.Verdict.Contains("NO BETTER than predicting the mean", StringComparison.Ordinal));
        Assert.Contains(Paper.Value.Verdict, ForecastWriter.ToString(Paper.Value, PgrReportFormat.Markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void DocsAnalysis_QuotesThePaperFigures_AsComputedNow()
    {
        string doc = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "analysis.md"));
        var five = PgrForecaster.Forecast(ForecastInput.FromPaper(), new ForecastOptions { Features = [.. IntrinsicMetricNames.All] });

        foreach (var forecast in new[] { Paper.Value, five })
        {
            var v = forecast.Validation;
            string row = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"| {v.Mae:0.00} | {v.Rmse:0.00} | {v.Coverage:0.0%} | {forecast.IntervalHalfWidth:0.00} | {v.MeanMae:0.00} / {v.MeanRmse:0.00} / {v.MeanCoverage:0.0%} | {(v.BetterThanMean ? "better than the mean" : "no better than the mean")}");
            Assert.Contains(row, doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Synthetic_PgrDrivenByAMetric_BeatsTheMean_AndCoversNearItsLevel()
    {
        var random = new Random(18);
        var input = Synthetic(random, generators: 8, (quality, _) => (12 * quality) + (random.NextDouble() * 4) - 2);

        var forecast = PgrForecaster.Forecast(input);

        Assert.True(forecast.Validation.BetterThanMean, forecast.Verdict);
        Assert.True(forecast.Validation.Mae < forecast.Validation.MeanMae / 3, forecast.Verdict);
        Assert.DoesNotContain("NO BETTER", forecast.Verdict, StringComparison.Ordinal);
        Assert.InRange(forecast.Validation.Coverage, 0.75, 1.0);
    }

    [Fact]
    public void Synthetic_FeaturesWithoutInformation_AreReportedAsNoBetterThanTheMean()
    {
        // Every cell's metric is the same: whatever the penalty, the model can only predict the training mean.
        var random = new Random(7);
        var input = Synthetic(random, generators: 6, (_, _) => random.NextDouble() * 60, constantMetric: true);

        var forecast = PgrForecaster.Forecast(input);

        Assert.False(forecast.Validation.BetterThanMean);
        Assert.Equal(forecast.Validation.MeanMae, forecast.Validation.Mae, 9);
        Assert.Contains("NO BETTER than predicting the mean", forecast.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_PredictsCellsWithMetricsButNoPgr_WithTheValidatedHalfWidth()
    {
        var random = new Random(3);
        var input = Synthetic(random, generators: 6, (quality, _) => 10 * quality);
        var setting = AgoraBenchSettings.Get(GenerationMethod.InstanceGeneration, BenchmarkDomain.Math);
        var pilot = input.Concat(new ForecastInput { IntrinsicMetrics = [new IntrinsicMetricValue("pilot", setting, IntrinsicMetricNames.ResponseQuality, 3.5)] });

        var forecast = PgrForecaster.Forecast(pilot);

        var prediction = Assert.Single(forecast.Predictions);
        Assert.Equal("pilot", prediction.Generator);
        Assert.Null(prediction.Observed);
        Assert.Equal(35, prediction.Predicted, 0);
        Assert.Equal(forecast.IntervalHalfWidth, prediction.High - prediction.Predicted, 9);
        double expected = ForecastCrossValidation.ConformalHalfWidth([.. forecast.CrossValidated.Select(p => Math.Abs(p.Observed!.Value - p.Predicted))], 0.9);
        Assert.Equal(expected, forecast.IntervalHalfWidth, 12);
    }

    [Fact]
    public void AMetricOnlyThePilotMeasured_IsLeftOutWithANote_NotThePaperCells()
    {
        var setting = AgoraBenchSettings.Get(GenerationMethod.QualityEnhancement, BenchmarkDomain.Math);
        var input = ForecastInput.FromPaper().Concat(new ForecastInput
        {
            IntrinsicMetrics =
            [
                new IntrinsicMetricValue("pilot", setting, IntrinsicMetricNames.ResponseQuality, 4),
                new IntrinsicMetricValue("pilot", setting, "verbosity", 230),
            ],
        });

        var forecast = PgrForecaster.Forecast(input);

        Assert.Equal([IntrinsicMetricNames.ResponseQuality], forecast.Features);
        Assert.Equal(54, forecast.Validation.Observations);
        Assert.Contains(forecast.Notes, n => n.StartsWith("feature verbosity left out: 54 observed cell(s) lack it", StringComparison.Ordinal));
        Assert.Single(forecast.Predictions);
    }

    [Fact]
    public void UnknownAndMissingMetrics_AreAllNamedAtOnce()
    {
        var setting = AgoraBenchSettings.Get(GenerationMethod.ResponseGeneration, BenchmarkDomain.Code);
        var input = ForecastInput.FromPaper().Concat(new ForecastInput
        {
            IntrinsicMetrics = [new IntrinsicMetricValue("pilot", setting, IntrinsicMetricNames.ResponseQuality, 4)],
        });

        var ex = Assert.Throws<DataValidationException>(() => PgrForecaster.Forecast(input, new ForecastOptions { Features = ["response-quality", "response-perplexity", "verbosity"] }));

        Assert.Contains(ex.Errors, e => e.Field == "verbosity" && e.Message.Contains("unknown metric 'verbosity'", StringComparison.Ordinal) && e.Message.Contains("response-quality", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("pilot · response-generation/code has no value for response-perplexity", StringComparison.Ordinal));
    }

    [Fact]
    public void PaperMetricIdentifiers_AreAcceptedAsFeatureNames()
    {
        var forecast = PgrForecaster.Forecast(ForecastInput.FromPaper(), new ForecastOptions { Features = ["response_quality_gpt4o_judge", "problem-solving"] });

        Assert.Equal([IntrinsicMetricNames.ResponseQuality, "problem_solving"], forecast.Features);
    }

    [Fact]
    public void TooFewGenerators_IsRefused()
    {
        var input = Synthetic(new Random(1), generators: 3, (q, _) => q);

        var ex = Assert.Throws<DataValidationException>(() => PgrForecaster.Forecast(input));

        Assert.Contains("at least 4 generators", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidOptions_ListEveryProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => PgrForecaster.Forecast(ForecastInput.FromPaper(), new ForecastOptions { Level = 1.5, Penalties = [] }));

        Assert.Contains("Level", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Penalties", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConformalHalfWidth_IsTheRankedResidual()
    {
        double[] residuals = [.. Enumerable.Range(1, 19).Select(i => (double)i)];

        // ⌈(19 + 1) · 0.9⌉ = 18th smallest; with 5 residuals ⌈6 · 0.9⌉ = 6 > 5, so the largest.
        Assert.Equal(18, ForecastCrossValidation.ConformalHalfWidth(residuals, 0.9));
        Assert.Equal(5, ForecastCrossValidation.ConformalHalfWidth([1, 2, 3, 4, 5], 0.9));
        Assert.True(ForecastCrossValidation.TooFewForLevel(5, 0.9));
        Assert.False(ForecastCrossValidation.TooFewForLevel(19, 0.9));
    }

    private static ForecastInput Synthetic(Random random, int generators, Func<double, AgoraBenchSetting, double> pgr, bool constantMetric = false)
    {
        var cells = new List<SettingPgr>();
        var metrics = new List<IntrinsicMetricValue>();
        for (int g = 0; g < generators; g++)
        {
            foreach (var setting in AgoraBenchSettings.All)
            {
                double quality = constantMetric ? 3 : 1 + (random.NextDouble() * 4);
                cells.Add(new SettingPgr("gen-" + g, setting, pgr(quality, setting)));
                metrics.Add(new IntrinsicMetricValue("gen-" + g, setting, IntrinsicMetricNames.ResponseQuality, quality));
            }
        }

        return new ForecastInput { Cells = cells, IntrinsicMetrics = metrics };
    }
}
