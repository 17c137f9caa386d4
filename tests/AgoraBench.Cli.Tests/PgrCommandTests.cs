using System.Text.Json;

namespace AgoraBench.Cli.Tests;

public class PgrCommandTests
{
    private const string Header = "generator,method,domain,benchmark,student,base,reference\n";

    private const string ValidScores =
        Header
        + "Llama-3.1-8B-Instruct,instance-generation,math,gsm8k,60,40,80\n"
        + "Llama-3.1-8B-Instruct,instance-generation,math,math,28.08,19.84,34.60\n"
        + "GPT-4o-mini,instance-generation,math,gsm8k,70,40,80\n"
        + "GPT-4o-mini,instance-generation,math,math,30,19.84,34.60\n";

    [Fact]
    public async Task Pgr_Markdown_PrintsEveryLevel()
    {
        using var files = new TempFiles();
        var (exitCode, output, error) = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", ValidScores));

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Contains("| 1 | GPT-4o-mini", output.Replace("    ", " ", StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("55.83", output, StringComparison.Ordinal);
        Assert.Contains("52.91", output, StringComparison.Ordinal);
        Assert.Contains("### PGR per benchmark", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pgr_JsonToFile_PgrOfMean()
    {
        using var files = new TempFiles();
        string outPath = files.PathOf("out/pgr.json");
        var (exitCode, output, _) = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", ValidScores), "--aggregate", "pgr-of-mean", "--format", "json", "--out", outPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("Wrote PGR of 2 generator(s) to", output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(outPath));
        Assert.Equal("pgr-of-mean", json.RootElement.GetProperty("aggregation").GetString());
        var llama = json.RootElement.GetProperty("generators").EnumerateArray().Single(g => g.GetProperty("generator").GetString() == "Llama-3.1-8B-Instruct");
        double expected = 100 * (((60 + 28.08) / 2) - ((40 + 19.84) / 2)) / (((80 + 34.60) / 2) - ((40 + 19.84) / 2));
        Assert.Equal(expected, llama.GetProperty("overall").GetDouble(), 10);
    }

    [Fact]
    public async Task Pgr_Csv_WritesLongFormat()
    {
        using var files = new TempFiles();
        var (exitCode, output, _) = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", ValidScores), "--format", "csv");
        Assert.Equal(0, exitCode);
        Assert.StartsWith("generator,rank,level,method,domain,benchmark,pgr,student,base,reference", output, StringComparison.Ordinal);
        Assert.Equal(2 * (1 + 1 + 1 + 2), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Theory]
    [InlineData("generator,method,domain,benchmark,student,base\nG,ig,math,gsm8k,1,2\n", "scores.csv:1: missing column reference")]
    [InlineData(Header + "G,ig,math,gsm8k,abc,2,3\n", "scores.csv:2: field 'student': 'abc' is not a number")]
    [InlineData(Header + "G,ig,math,gsm8k,1,2,3\nG,ig,math,math,50,34.6,34.6\n", "scores.csv:3: field 'reference': (G, instance-generation/math, math): reference score 34.6 equals base score 34.6, so PGR is undefined")]
    [InlineData(Header + "G,ig,math,gsm8k,1,2,3\nG,ig,math,GSM8K,4,2,3\n", "scores.csv:3: (G, instance-generation/math, GSM8K): duplicate score; line 2 already gives this generator, setting and benchmark")]
    [InlineData(Header + "G,ig,math,gsm8k,1,2,3\nG,distillation,math,math,4,2,3\n", "scores.csv:3: field 'method': 'distillation' is not a method")]
    public async Task Pgr_BadInput_ExitsWithDataErrorNamingTheProblemAndRow(string csv, string expected)
    {
        using var files = new TempFiles();
        string path = files.Write("scores.csv", csv);
        var (exitCode, output, error) = await CliRunner.RunAsync("pgr", "--scores", path);

        Assert.Equal(3, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected.Replace("scores.csv", path, StringComparison.Ordinal), error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pgr_MissingFile_ExitsWithDataError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("pgr", "--scores", "/nonexistent/scores.csv");
        Assert.Equal(3, exitCode);
        Assert.Contains("/nonexistent/scores.csv", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pgr")]
    [InlineData("pgr", "--scores", "x.csv", "--aggregate", "median")]
    [InlineData("pgr", "--scores", "x.csv", "--format", "xml")]
    [InlineData("frobnicate")]
    public async Task InvalidCommandLine_ExitsWithUsageError(params string[] args)
    {
        var (exitCode, _, error) = await CliRunner.RunAsync(args);
        Assert.Equal(2, exitCode);
        Assert.Contains("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireComplete_ListsMissingCells()
    {
        using var files = new TempFiles();
        var (exitCode, _, error) = await CliRunner.RunAsync("pgr", "--scores", files.Write("scores.csv", ValidScores), "--require-complete");
        Assert.Equal(3, exitCode);
        Assert.Contains("GPT-4o-mini, quality-enhancement/instruction-following: missing scores for alpacaeval-2.0, arena-hard", error, StringComparison.Ordinal);
    }
}
