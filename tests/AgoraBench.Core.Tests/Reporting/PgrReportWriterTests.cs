using System.Text.Json;
using AgoraBench.Tests.TestSupport;

namespace AgoraBench.Tests.Reporting;

public class PgrReportWriterTests
{
    private static PgrReport Fixture() => new PgrCalculator().Calculate(
    [
        new BenchmarkScore("Gen, A", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 60, 40, 80),
        new BenchmarkScore("Gen, A", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "math", 28.08, 19.84, 34.60),
        new BenchmarkScore("Gen, A", GenerationMethod.QualityEnhancement, BenchmarkDomain.Code, "humaneval", 55, 60, 70),
        new BenchmarkScore("B", GenerationMethod.ResponseGeneration, BenchmarkDomain.InstructionFollowing, "arena-hard", 30, 10, 25.5),
    ]);

    [Fact]
    public void Markdown_MatchesGolden() =>
        GoldenFile.Verify(PgrReportWriter.ToString(Fixture(), PgrReportFormat.Markdown), "Reporting/Golden/pgr-report.md");

    [Fact]
    public void Csv_MatchesGolden() =>
        GoldenFile.Verify(PgrReportWriter.ToString(Fixture(), PgrReportFormat.Csv), "Reporting/Golden/pgr-report.csv");

    [Fact]
    public void Json_HasTheDocumentedShapeAndFullPrecision()
    {
        using var document = JsonDocument.Parse(PgrReportWriter.ToString(Fixture(), PgrReportFormat.Json));
        var root = document.RootElement;
        Assert.Equal("mean-of-pgr", root.GetProperty("aggregation").GetString());
        var first = root.GetProperty("generators")[0];
        Assert.Equal("B", first.GetProperty("generator").GetString());
        Assert.Equal(1, first.GetProperty("rank").GetInt32());
        Assert.False(first.GetProperty("complete").GetBoolean());

        var second = root.GetProperty("generators")[1];
        double expectedCell = (50 + (100 * 8.24 / 14.76)) / 2;
        Assert.Equal(expectedCell, second.GetProperty("cells").GetProperty("instance-generation/math").GetDouble(), 12);
        Assert.Equal(-50, second.GetProperty("methods").GetProperty("quality-enhancement").GetDouble(), 12);
        Assert.Equal(-50, second.GetProperty("domains").GetProperty("code").GetDouble(), 12);
        var math = second.GetProperty("benchmarks").GetProperty("instance-generation/math").GetProperty("math");
        Assert.Equal((28.08, 19.84, 34.60), (math.GetProperty("student").GetDouble(), math.GetProperty("base").GetDouble(), math.GetProperty("reference").GetDouble()));
    }

    [Theory]
    [InlineData("md", PgrReportFormat.Markdown)]
    [InlineData("Markdown", PgrReportFormat.Markdown)]
    [InlineData("csv", PgrReportFormat.Csv)]
    [InlineData("JSON", PgrReportFormat.Json)]
    public void TryParseFormat_AcceptsNames(string text, PgrReportFormat expected)
    {
        Assert.True(PgrReportWriter.TryParseFormat(text, out var format));
        Assert.Equal(expected, format);
    }
}
