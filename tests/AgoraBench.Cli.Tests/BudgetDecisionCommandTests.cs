using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgoraBench.Cli.Tests;

/// <summary><c>pgr --budget --costs</c> and the worked Fig. 7 example of <c>paper</c>.</summary>
public sealed class BudgetDecisionCommandTests
{
    private const string Scores =
        "generator,method,domain,benchmark,student,base,reference\n"
        + "strong,instance-generation,math,gsm8k,70,20,90\n"
        + "middle,instance-generation,math,gsm8k,60,20,90\n"
        + "weak,instance-generation,math,gsm8k,50,20,90\n";

    /// <summary>Per-problem outcomes whose means are the scores above: 200 problems, right on the first k of every ten.</summary>
    private static string Items()
    {
        var text = new StringBuilder("generator,method,domain,benchmark,item,student,base,reference\n");
        foreach (var (generator, right) in new[] { ("strong", 7), ("middle", 6), ("weak", 5) })
        {
            for (int i = 0; i < 200; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{generator},instance-generation,math,gsm8k,q{i:000},{(i % 10 < right ? 100 : 0)},{(i % 10 < 2 ? 100 : 0)},{(i % 10 < 9 ? 100 : 0)}\n");
            }
        }

        return text.ToString();
    }

    [Fact]
    public async Task Pgr_WithABudget_Json_IsTheFormatThePreviousVersionWrote()
    {
        using var files = new TempFiles();
        string scores = files.Write("scores.csv", Scores);
        string items = files.Write("items.csv", Items());
        string costs = files.Write("costs.csv", "generator,usd,instances\nstrong,80,10000\nmiddle,30,10000\nweak,5,10000\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("pgr", "--scores", scores, "--items", items, "--budget", "50", "--costs", costs, "--format", "json", "--rounds", "200");

        Assert.True(exitCode == 0, error);
        AgoraBench.Tests.TestSupport.GoldenFile.Verify(output, "Fixtures/Golden/pgr-budget.json");
    }

    [Fact]
    public async Task Paper_Json_IsTheFormatThePreviousVersionWrote()
    {
        using var files = new TempFiles();

        var (exitCode, output, error) = await CliRunner.RunAsync("paper", "--format", "json", "--out", files.PathOf("r"));

        Assert.True(exitCode == 0, error);
        AgoraBench.Tests.TestSupport.GoldenFile.Verify(output, "Fixtures/Golden/paper.json");
    }

    [Fact]
    public async Task Pgr_WithABudget_NamesTheBestAffordableGenerator_AndItsProbabilityOfBeatingTheNext()
    {
        using var files = new TempFiles();
        string scores = files.Write("scores.csv", Scores);
        string items = files.Write("items.csv", Items());
        string costs = files.Write("costs.csv", "generator,usd,instances\nstrong,80,10000\nmiddle,30,10000\nweak,5,10000\n");

        var (exitCode, output, error) = await CliRunner.RunAsync("pgr", "--scores", scores, "--items", items, "--budget", "50", "--costs", costs, "--format", "json");

        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        var budget = json.RootElement.GetProperty("budget");
        Assert.Equal("middle", budget.GetProperty("best").GetString());
        Assert.Equal("weak", budget.GetProperty("runner_up").GetString());

        // The probability is the report's own paired comparison of the two.
        var comparison = json.RootElement.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("a").GetString() == "middle" && c.GetProperty("b").GetString() == "weak");
        Assert.Equal(comparison.GetProperty("p_a_better").GetDouble(), budget.GetProperty("p_best_better").GetDouble(), 9);
        Assert.False(budget.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("generator").GetString() == "strong").GetProperty("affordable").GetBoolean());

        var markdown = await CliRunner.RunAsync("pgr", "--scores", scores, "--items", items, "--budget", "100", "--costs", costs);
        Assert.Equal(0, markdown.ExitCode);
        Assert.Contains("### Budget decision: USD 100.00 (overall PGR)", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("Within USD 100.00, strong (10,000 instances per setting) gives the most overall PGR", markdown.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--budget", "50", "--budget and --costs go together")]
    [InlineData("--costs", "COSTS", "--budget and --costs go together")]
    [InlineData("--budget", "-3", "is not a budget")]
    public async Task Pgr_BudgetMisuse_IsAUsageError_WithoutAStackTrace(string option, string value, string message)
    {
        using var files = new TempFiles();
        string costs = files.Write("costs.csv", "generator,usd\nstrong,1\n");
        string[] extra = value == "-3" ? ["--budget=-3", "--costs", costs] : [option, value == "COSTS" ? costs : value];

        var (exitCode, _, error) = await CliRunner.RunAsync(["pgr", "--scores", files.Write("scores.csv", Scores), .. extra]);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pgr_ABadCostFile_NamesFileLineAndField()
    {
        using var files = new TempFiles();
        string costs = files.Write("costs.csv", "generator,usd\nstrong,1\nmiddle,lots\nstrong,2\n");

        var (exitCode, _, error) = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", Scores), "--budget", "5", "--costs", costs);

        Assert.Equal(3, exitCode);
        Assert.Contains("costs.csv:3: field 'usd'", error, StringComparison.Ordinal);
        Assert.Contains("costs.csv:4: field 'generator': strong already has a cost on line 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_WorksTheBudgetDecision_OnFig7_FromTheTablesPrices()
    {
        using var files = new TempFiles();
        var (exitCode, output, error) = await CliRunner.RunAsync("paper", "--out", files.PathOf("paper"));

        Assert.True(exitCode == 0, error);
        Assert.Contains("## Budget decision, worked on the paper's Fig. 7 (50K vs 10K instances)", output, StringComparison.Ordinal);

        // The budget is 10,000 GPT-4o instances at Table 3's prices and the analysis's assumed tokens, computed here.
        var gpt4o = PublishedResults.FindGenerator("GPT-4o")!;
        var mini = PublishedResults.FindGenerator("GPT-4o-mini")!;
        var assumed = new AnalysisOptions();
        double Cost(PublishedGenerator g, int n) => n * new GeneratorPrice(g.Name, g.InputUsdPerMillionTokens, g.OutputUsdPerMillionTokens).Cost(assumed.AssumedInputTokensPerInstance, assumed.AssumedOutputTokensPerInstance);
        double budget = Cost(gpt4o, 10_000);
        Assert.Contains($"USD {budget.ToString("N2", CultureInfo.InvariantCulture)}", output, StringComparison.Ordinal);
        Assert.Contains($"50,000 GPT-4o-mini instances cost {(budget / Cost(mini, 50_000)).ToString("N2", CultureInfo.InvariantCulture)}× less than 10,000 GPT-4o ones", output, StringComparison.Ordinal);

        // Per domain, the best affordable published option is the one with the highest Table 2 average among those within budget.
        var leaderboard = PublishedResults.CreateLeaderboard();
        foreach (var domain in new[] { BenchmarkDomain.Math, BenchmarkDomain.Code, BenchmarkDomain.InstructionFollowing })
        {
            var best = leaderboard.Generators
                .Where(g => Cost(PublishedResults.FindGenerator(g.Generator)!, 10_000) <= budget)
                .OrderByDescending(g => g.DomainAverages[domain])
                .First();
            Assert.Contains($"- {AgoraBenchNames.ToName(domain)}: Within USD {budget.ToString("N2", CultureInfo.InvariantCulture)}, {best.Generator} (10,000 instances per setting) gives the most {AgoraBenchNames.ToName(domain)} PGR", output, StringComparison.Ordinal);
        }

        var json = await CliRunner.RunAsync("paper", "--format", "json", "--out", files.PathOf("paper-json"));
        using var document = JsonDocument.Parse(json.Output);
        var example = document.RootElement.GetProperty("budget_example");
        Assert.Equal(budget, example.GetProperty("budget_usd").GetDouble(), 9);
        Assert.Equal(3, example.GetProperty("decisions").GetArrayLength());
        Assert.Contains(example.GetProperty("options").EnumerateArray(), o => o.GetProperty("instances").GetInt32() == 50_000 && o.GetProperty("pgr").GetProperty("math").ValueKind == JsonValueKind.Null);
    }
}
