namespace AgoraBench.Tests.Csv;

public sealed class CsvCellTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("-3.5", "-3.5")]
    [InlineData("+7", "+7")]
    [InlineData("-1e-3", "-1e-3")]
    [InlineData("GPT-4o-mini", "GPT-4o-mini")]
    [InlineData("", "")]
    public void FormulaCells_GetALeadingApostrophe_NumbersStay(string text, string expected) =>
        Assert.Equal(expected, CsvCell.Neutralize(text));

    [Fact]
    public void Field_NeutralizesThenQuotes()
    {
        Assert.Equal("\"'-cmd,x\"", CsvCell.Field("-cmd,x"));
        Assert.Equal("\"'=A1\"\"\"", CsvCell.Field("=A1\""));
        Assert.Equal("plain", CsvCell.Field("plain"));
    }

    [Fact]
    public void TheRunsCsvTables_AreNeutralizedToo()
    {
        string csv = CsvText.Write(["generator", "pgr"], [["=HYPERLINK(\"x\")", -12.5], ["ok", 3.0]]);
        Assert.Equal("generator,pgr\n\"'=HYPERLINK(\"\"x\"\")\",-12.5\nok,3\n", csv);
    }
}
