using System.Text.Json;

namespace AgoraBench.Cli.Tests;

public class AnalyzeCommandTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "study", name);

    [Fact]
    public async Task Analyze_FullStudy_WritesEveryReportFile()
    {
        using var files = new TempFiles();
        string outDir = files.PathOf("report");
        var (exitCode, output, error) = await CliRunner.RunAsync(
            "analyze", "--pgr", Fixture("pgr.csv"), "--metrics", Fixture("metrics.csv"), "--problem-solving", Fixture("problem_solving.csv"),
            "--prices", Fixture("prices.csv"), "--components", "3", "--budget", "20", "--out", outDir);

        Assert.True(exitCode == 0, error);
        Assert.Contains("Key findings:", output, StringComparison.Ordinal);
        Assert.Contains("Best data generator: delta", output, StringComparison.Ordinal);
        Assert.Contains($"Wrote 8 files to {outDir}", output, StringComparison.Ordinal);
        Assert.Equal(AnalysisReportWriter.FileNames.Order(), Directory.GetFiles(outDir).Select(Path.GetFileName).Order());
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "results.json")));
        Assert.Equal(4, json.RootElement.GetProperty("leaderboard").GetArrayLength());
        Assert.Equal(12, json.RootElement.GetProperty("pca").GetProperty("n").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("pc_regression").GetProperty("components").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("cost").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("budget").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Analyze_RecordedUsageAndScalingPoints_DriveCostAndBudget()
    {
        using var files = new TempFiles();
        string usage = files.Write("usage.csv", "generator,instances,input_tokens,output_tokens\ngamma,1000,1800000,600000\n");
        string scaling = files.Write("scaling.csv", "generator,instances,pgr\ngamma,50000,40\n");
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "analyze", "--pgr", Fixture("pgr.csv"), "--prices", Fixture("prices.csv"), "--usage", usage, "--scaling", scaling, "--budget", "5", "--out", files.PathOf("r"));

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("r/results.json")));
        var gamma = json.RootElement.GetProperty("cost").EnumerateArray().Single(c => c.GetProperty("generator").GetString() == "gamma");
        Assert.True(gamma.GetProperty("tokens_measured").GetBoolean());
        Assert.Equal(((1800 * 0.055) + (600 * 0.055)) / 1e6, gamma.GetProperty("usd_per_instance").GetDouble(), 12);
        var budget = json.RootElement.GetProperty("budget").EnumerateArray().Single(b => b.GetProperty("generator").GetString() == "gamma");
        Assert.Equal(37_878, budget.GetProperty("instances").GetInt32());
        Assert.StartsWith("interpolated between 10000 and 50000", budget.GetProperty("basis").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_BadUsage_NamesTheLine()
    {
        using var files = new TempFiles();
        string usage = files.Write("usage.csv", "generator,instances,input_tokens,output_tokens\ngamma,-5,1,1\n");
        var (exitCode, _, error) = await CliRunner.RunAsync("analyze", "--pgr", Fixture("pgr.csv"), "--usage", usage, "--out", files.PathOf("r"));
        Assert.Equal(3, exitCode);
        Assert.Contains($"{usage}:2: field 'instances': '-5' is not a non-negative whole number", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_OnlyPgr_SkipsWhatItCannotCompute()
    {
        using var files = new TempFiles();
        var (exitCode, output, _) = await CliRunner.RunAsync("analyze", "--pgr", Fixture("pgr.csv"), "--out", files.PathOf("r"));
        Assert.Equal(0, exitCode);
        Assert.Contains("note (pca): skipped: no intrinsic metrics were given", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(files.PathOf("r/results.json")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("pca").ValueKind);
    }

    [Fact]
    public async Task Analyze_BadTable_NamesFileLineAndColumn()
    {
        using var files = new TempFiles();
        string pgr = files.Write("pgr.csv", "generator,method,domain,pgr\nalpha,ig,math,12.5\nbeta,ig,math,lots\n");
        var (exitCode, _, error) = await CliRunner.RunAsync("analyze", "--pgr", pgr, "--out", files.PathOf("r"));
        Assert.Equal(3, exitCode);
        Assert.Contains($"{pgr}:3: field 'pgr': 'lots' is not a number", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(files.PathOf("r")));
    }

    [Fact]
    public async Task Analyze_MissingOut_IsAUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("analyze", "--pgr", Fixture("pgr.csv"));
        Assert.Equal(2, exitCode);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_InvalidComponents_IsADataErrorListingTheOption()
    {
        using var files = new TempFiles();
        var (exitCode, _, error) = await CliRunner.RunAsync("analyze", "--pgr", Fixture("pgr.csv"), "--components", "0", "--out", files.PathOf("r"));
        Assert.Equal(3, exitCode);
        Assert.Contains("PrincipalComponents must be at least 1", error, StringComparison.Ordinal);
    }
}
