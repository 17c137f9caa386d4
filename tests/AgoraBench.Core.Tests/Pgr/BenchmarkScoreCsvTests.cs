namespace AgoraBench.Tests.Pgr;

public class BenchmarkScoreCsvTests
{
    private static IReadOnlyList<BenchmarkScore> Read(string csv) => BenchmarkScoreCsv.Read(new StringReader(csv), "scores.csv");

    [Fact]
    public void Read_AnyColumnOrder_ExtraColumnsAndQuotes()
    {
        var scores = Read(
            "Benchmark,generator,method,domain,student,base,reference,notes\r\n"
            + "gsm8k,\"Llama, 8B\",ig,math,28.08,19.84,34.60,\"free, text\"\r\n"
            + "\r\n"
            + "humaneval,GPT-4o,response_generation,code,1e1,5,60.5,\r\n");

        Assert.Equal(2, scores.Count);
        var first = scores[0];
        Assert.Equal(("Llama, 8B", GenerationMethod.InstanceGeneration, BenchmarkDomain.Math, "gsm8k", 28.08, 19.84, 34.60), (first.Generator, first.Method, first.Domain, first.Benchmark, first.Student, first.Base, first.Reference));
        Assert.Equal(("scores.csv", (int?)2, (IReadOnlyList<PgrItemOutcome>?)null), (first.Source, first.Line, first.Items));
        Assert.Equal((10.0, 4), (scores[1].Student, scores[1].Line!.Value));
    }

    [Fact]
    public void Read_MissingColumns_AreAllNamed()
    {
        var ex = Assert.Throws<DataValidationException>(() => Read("generator,method,domain,student\nG,ig,math,1\n"));
        var error = Assert.Single(ex.Errors);
        Assert.Equal("scores.csv:1: missing columns benchmark, base, reference; the header must contain generator,method,domain,benchmark,student,base,reference", error.ToString());
    }

    [Fact]
    public void Read_BadCells_AreAllReportedWithLineAndColumn()
    {
        var ex = Assert.Throws<DataValidationException>(() => Read(
            "generator,method,domain,benchmark,student,base,reference\n"
            + "G,ig,math,gsm8k,abc,19.84,34.6\n"
            + "G,ig,chem/istry,gsm8k,1,2,3\n"
            + ",ig,math,math,1,2,NaN\n"));

        Assert.Equal(
            [
                "scores.csv:2: field 'student': 'abc' is not a number",
                "scores.csv:3: field 'domain': 'chem/istry' is not a domain; use math, code, instruction-following or a declared domain's name (letters, digits, '-', '_' or '.')",
                "scores.csv:4: field 'generator': is empty",
                "scores.csv:4: field 'reference': 'NaN' is not a finite number",
            ],
            ex.Errors.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("generator,method,domain,benchmark,student,base,reference\n")]
    public void Read_NoScores_IsAnError(string csv) => Assert.Throws<DataValidationException>(() => Read(csv));

    [Fact]
    public void Read_DuplicateHeader_IsAnError()
    {
        var ex = Assert.Throws<DataValidationException>(() => Read("generator,method,domain,benchmark,student,base,reference,student\nG,ig,math,gsm8k,1,2,3,4\n"));
        Assert.Equal("student", Assert.Single(ex.Errors).Field);
    }
}
