using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgoraBench.Cli.Tests;

/// <summary><c>agorabench forecast</c> on the paper's data and on a pilot run folder built by a loopback study; bad input.</summary>
public sealed class ForecastCommandTests
{
    // The five built-in metric names as docs/metrics.md lists them (the library keeps its constants internal).
    private static readonly string[] BuiltInMetricNames = ["instruction-difficulty", "response-quality", "response-perplexity", "instruction-diversity", "response-diversity"];

    [Fact]
    public async Task Paper_PrintsTheValidatedErrorCoverageAndMeanBaseline_AsComputedByTheLibrary()
    {
        var expected = PgrForecaster.Forecast(ForecastInput.FromPaper());

        var (exitCode, output, error) = await CliRunner.RunAsync("forecast", "--paper");

        Assert.True(exitCode == 0, error);
        var v = expected.Validation;
        Assert.Contains(Invariant($"Leave-one-generator-out error: MAE {v.Mae:0.00}, RMSE {v.Rmse:0.00} PGR points; 90% prediction-interval coverage {v.Coverage:0.0%}."), output, StringComparison.Ordinal);
        Assert.Contains(Invariant($"Mean-only baseline, same validation: MAE {v.MeanMae:0.00}, RMSE {v.MeanRmse:0.00}"), output, StringComparison.Ordinal);
        Assert.Contains(expected.Verdict, output, StringComparison.Ordinal);
        Assert.Contains("54 observed cell(s) of 6 generator(s): 54 from the paper, 0 from your runs", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_JsonAndCsv_CarryTheValidationNextToEveryRow()
    {
        var (jsonExit, json, _) = await CliRunner.RunAsync("forecast", "--paper", "--format", "json", "--level", "0.8");
        var (csvExit, csv, _) = await CliRunner.RunAsync("forecast", "--paper", "--format", "csv");

        Assert.Equal(0, jsonExit);
        Assert.Equal(0, csvExit);
        using var document = JsonDocument.Parse(json);
        var validation = document.RootElement.GetProperty("validation");
        Assert.Equal("leave-one-generator-out", validation.GetProperty("method").GetString());
        Assert.Equal(0.8, validation.GetProperty("level").GetDouble());
        Assert.Equal(PgrForecaster.Forecast(ForecastInput.FromPaper(), new ForecastOptions { Level = 0.8 }).Validation.Coverage, validation.GetProperty("coverage").GetDouble(), 12);
        Assert.Equal(54, document.RootElement.GetProperty("cross_validated").GetArrayLength());
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("kind,generator,method,domain,predicted,low,high,observed,level,logo_mae,logo_rmse,logo_coverage,mean_mae,mean_rmse,better_than_mean", lines[0]);
        Assert.Equal(55, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("cross-validated,", l, StringComparison.Ordinal));
    }

    [StudyFakeFact]
    public async Task FinishedRun_JoinsTheTrainingData_AndAPilotOfNewGeneratorsIsForecast()
    {
        await using var fake = await StudyFake.StartAsync();
        string finished = Path.Combine(fake.Root, "finished");
        var full = await CliRunner.RunAsync("run", "--plan", fake.WritePlan(WithMetrics(fake, fake.Plan())), "--run-dir", finished);
        Assert.True(full.ExitCode == 0, full.Error + full.Output);
        var pilotPlan = WithMetrics(fake, fake.Plan());
        pilotPlan["generators"] = new JsonArray(
            new JsonObject { ["name"] = "gen-c", ["endpoint"] = fake.Endpoint, ["concurrency"] = StudyFake.Concurrency },
            new JsonObject { ["name"] = "gen-d", ["endpoint"] = fake.Endpoint, ["concurrency"] = StudyFake.Concurrency });
        string pilot = Path.Combine(fake.Root, "pilot");
        var generated = await CliRunner.RunAsync("run", "--plan", fake.WritePlan(pilotPlan, "pilot.json"), "--run-dir", pilot, "--stages", "generate,metrics");
        Assert.True(generated.ExitCode == 0, generated.Error + generated.Output);

        var (exitCode, output, error) = await CliRunner.RunAsync("forecast", "--run", finished, "--run", pilot, "--format", "json");

        Assert.True(exitCode == 0, error + output);
        using var document = JsonDocument.Parse(output);
        var validation = document.RootElement.GetProperty("validation");
        // gen-a and gen-b finished with PGR 66.67 and 33.33 (students at 60% and 40%, base 20%, reference 80%): two more
        // observations and two more folds; gen-c and gen-d have data and metrics only, so they are forecast.
        Assert.Equal(56, validation.GetProperty("observations").GetInt32());
        Assert.Equal(54, validation.GetProperty("published_observations").GetInt32());
        Assert.Equal(8, validation.GetProperty("generators").GetInt32());
        var observed = document.RootElement.GetProperty("cross_validated").EnumerateArray().Where(p => p.GetProperty("generator").GetString() is "gen-a" or "gen-b")
            .ToDictionary(p => p.GetProperty("generator").GetString()!, p => p.GetProperty("observed").GetDouble());
        Assert.Equal(100.0 * (0.6 - 0.2) / (0.8 - 0.2), observed["gen-a"], 6);
        Assert.Equal(100.0 * (0.4 - 0.2) / (0.8 - 0.2), observed["gen-b"], 6);
        Assert.Equal(["gen-c", "gen-d"], document.RootElement.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("generator").GetString()!).Order(StringComparer.Ordinal));
    }

    [StudyFakeFact]
    public async Task Pilot_RunWithDataAndMetricsOnly_ForecastsEachCell_WithTheIntervalOfThePaperFit()
    {
        await using var fake = await StudyFake.StartAsync();
        var plan = WithMetrics(fake, fake.Plan());
        string run = Path.Combine(fake.Root, "run");
        var pilot = await CliRunner.RunAsync("run", "--plan", fake.WritePlan(plan), "--run-dir", run, "--stages", "generate,metrics");
        Assert.True(pilot.ExitCode == 0, pilot.Error + pilot.Output);
        Assert.False(File.Exists(Path.Combine(run, "pgr", "pgr.csv")), "a pilot trains and evaluates nothing");

        var (exitCode, output, error) = await CliRunner.RunAsync("forecast", "--run", run, "--format", "json");

        Assert.True(exitCode == 0, error + output);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["instruction-difficulty", "response-quality", "response-perplexity", "instruction-diversity", "response-diversity"], root.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        var predictions = root.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(["gen-a", "gen-b"], predictions.Select(p => p.GetProperty("generator").GetString()).Order(StringComparer.Ordinal));
        Assert.All(predictions, p => Assert.Equal("instance-generation/math", p.GetProperty("setting").GetString()));

        // The pilot adds nothing observed, so the model, its validation and its interval are those of the paper's
        // data on the same five features, computed separately.
        var paperOnly = PgrForecaster.Forecast(ForecastInput.FromPaper(), new ForecastOptions { Features = [.. BuiltInMetricNames] });
        Assert.Equal(54, root.GetProperty("validation").GetProperty("observations").GetInt32());
        Assert.Equal(paperOnly.Validation.Rmse, root.GetProperty("validation").GetProperty("rmse").GetDouble(), 9);
        Assert.Equal(paperOnly.Validation.MeanRmse, root.GetProperty("validation").GetProperty("mean_baseline").GetProperty("rmse").GetDouble(), 9);
        foreach (var p in predictions)
        {
            double predicted = p.GetProperty("predicted").GetDouble();
            Assert.True(double.IsFinite(predicted));
            Assert.Equal(paperOnly.IntervalHalfWidth, p.GetProperty("high").GetDouble() - predicted, 9);
            Assert.Equal(paperOnly.IntervalHalfWidth, predicted - p.GetProperty("low").GetDouble(), 9);
        }

        // The table names each cell with its interval, and the validated error beside it.
        var table = await CliRunner.RunAsync("forecast", "--run", run);
        Assert.Equal(0, table.ExitCode);
        Assert.Matches(@"\| gen-a\s+\| instance-generation/math \|\s+-?\d+\.\d\d \|\s+-?\d+\.\d\d \|\s+-?\d+\.\d\d \|", table.Output);
        Assert.Contains("Leave-one-generator-out error: MAE", table.Output, StringComparison.Ordinal);
        Assert.Contains("0 from your runs", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherRunNorPaper_IsAUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("forecast");

        Assert.Equal(2, exitCode);
        Assert.Contains("forecast needs --run DIR", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LevelOutOfRange_IsAUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("forecast", "--paper", "--level", "1.5");

        Assert.Equal(2, exitCode);
        Assert.Contains("--level must be between 0 and 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownMetric_IsADataError_NamingTheKnownOnes()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("forecast", "--paper", "--metrics", "response-quality,verbosity");

        Assert.Equal(3, exitCode);
        Assert.Contains("unknown metric 'verbosity'", error, StringComparison.Ordinal);
        Assert.Contains("instruction-diversity", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunFolders_WithoutDataOrMetrics_AreDataErrors_AllReportedAtOnce()
    {
        using var files = new TempFiles();
        string missing = files.PathOf("no-such-run");
        string empty = files.PathOf("empty");
        Directory.CreateDirectory(empty);
        string noData = files.PathOf("no-data");
        Directory.CreateDirectory(Path.Combine(noData, "steps"));
        File.WriteAllText(Path.Combine(noData, "manifest.json"), "{}");
        string noMetrics = files.PathOf("no-metrics");
        Directory.CreateDirectory(Path.Combine(noMetrics, "steps"));
        File.WriteAllText(
            Path.Combine(noMetrics, "steps", "generate.gen-a.instance-generation.math.json"),
            """{"id": "generate:gen-a:instance-generation/math", "status": "done", "fingerprint": "x"}""");

        var (exitCode, output, error) = await CliRunner.RunAsync("forecast", "--run", missing, "--run", empty, "--run", noData, "--run", noMetrics);

        Assert.Equal(3, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("the run folder does not exist", error, StringComparison.Ordinal);
        Assert.Contains("is not a run folder", error, StringComparison.Ordinal);
        Assert.Contains("the run has no generated data yet", error, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("cells", "gen-a", "instance-generation-math", "metrics.json"), error, StringComparison.Ordinal);
        Assert.Contains("gen-a · instance-generation/math has generated data but no intrinsic metrics", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }

    private static JsonObject WithMetrics(StudyFake fake, JsonObject plan)
    {
        plan["metrics"] = new JsonObject
        {
            ["names"] = new JsonArray("instruction-difficulty", "response-quality", "response-perplexity", "instruction-diversity", "response-diversity"),
            ["judge"] = new JsonObject { ["model"] = "judge", ["endpoint"] = fake.Endpoint },
            ["embedding"] = new JsonObject { ["model"] = "embedder", ["endpoint"] = fake.Endpoint },
            ["perplexity"] = new JsonObject { ["model"] = "scorer", ["endpoint"] = fake.Endpoint },
        };
        return plan;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
