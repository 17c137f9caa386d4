using System.Text.Json;

namespace AgoraBench.Cli.Tests;

public class PaperCommandTests
{
    [Fact]
    public async Task Paper_Markdown_RanksGpt4oFirst_WithPricesAgreementAndFindings_AndWritesTheReport()
    {
        using var files = new TempFiles();
        var (exitCode, output, error) = await CliRunner.RunAsync("paper", "--out", files.PathOf("paper"));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        string firstRow = output.Split('\n').First(l => l.StartsWith("|    1 |", StringComparison.Ordinal));
        Assert.Contains("GPT-4o ", firstRow, StringComparison.Ordinal);
        Assert.Contains("29.56", firstRow, StringComparison.Ordinal);
        Assert.Contains("10.00", firstRow, StringComparison.Ordinal);
        Assert.Contains("Agreement with the paper: method averages within 0.067 of Table 2, overall scores within 0.056 of Table 3", output, StringComparison.Ordinal);
        Assert.Contains("across generators R² = 0.245 (p = 0.318, n = 6); per setting R² = 0.097 (p = 0.022, n = 54)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(files.PathOf("paper/report.html")));
        using var results = JsonDocument.Parse(File.ReadAllText(files.PathOf("paper/results.json")));
        Assert.Equal(0.245, Math.Round(results.RootElement.GetProperty("regression").GetProperty("coarse").GetProperty("r2").GetDouble(), 3));
    }

    [Fact]
    public async Task Paper_Json_AgreesWithPrintedAverages()
    {
        using var files = new TempFiles();
        var (exitCode, output, _) = await CliRunner.RunAsync("paper", "--format", "json", "--out", files.PathOf("r"));

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var leaderboard = json.RootElement.GetProperty("leaderboard");
        Assert.Equal(6, leaderboard.GetArrayLength());
        foreach (var row in leaderboard.EnumerateArray())
        {
            Assert.InRange(Math.Abs(row.GetProperty("overall").GetDouble() - row.GetProperty("paper_overall").GetDouble()), 0, 0.06);
            Assert.Equal(9, row.GetProperty("cells").EnumerateObject().Count());
        }

        Assert.InRange(json.RootElement.GetProperty("agreement").GetProperty("max_method_average_difference").GetDouble(), 0, 0.07);
        Assert.Equal(["GPT-4o", "Claude-3.5-Sonnet", "GPT-4o-mini", "Llama-3.1-8B-Instruct", "Llama-3.1-70B-Instruct", "Llama-3.1-405B-Instruct"],
            leaderboard.EnumerateArray().Select(r => r.GetProperty("generator").GetString()));
    }

    [Fact]
    public async Task Paper_Csv_HasOneRowPerGenerator()
    {
        using var files = new TempFiles();
        var (exitCode, output, _) = await CliRunner.RunAsync("paper", "--format", "csv", "--out", files.PathOf("r"));
        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("rank,generator,model_id,instance-generation/math", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,GPT-4o,gpt-4o-2024-08-06,20.6,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsTheCommands()
    {
        var (exitCode, output, _) = await CliRunner.RunAsync("--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("pgr", output, StringComparison.Ordinal);
        Assert.Contains("paper", output, StringComparison.Ordinal);
    }
}
