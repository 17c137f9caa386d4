namespace AgoraBench.Tests.Evaluation;

/// <summary>A template that does not parse is one problem, reported on one line with the place and the text quoted.</summary>
public sealed class LiquidTemplateErrorTests
{
    [Theory]
    [InlineData("{{ question }", "(1:12)", "in '{{ question }'")]
    [InlineData("Question: {{ question }}\nUnit: {{ unit }\nAnswer:", "(2:14)", "{{ unit }")]
    public void ParseError_IsOneLine(string template, string place, string quoted)
    {
        Assert.Null(LiquidTemplate.Parse(template, out string? error));
        Assert.NotNull(error);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain('\r', error);
        Assert.DoesNotContain("Source:", error, StringComparison.Ordinal);
        Assert.Contains(place, error, StringComparison.Ordinal);
        Assert.Contains(quoted, error, StringComparison.Ordinal);
    }

    [Fact]
    public void DataError_WithAMessageOverSeveralLines_PrintsOneLine()
    {
        var error = new DataError("plan.json", 12, "$.x", "first part\r\nSource:\n  second part\n");
        Assert.Equal("plan.json:12: field '$.x': first part Source: second part", error.ToString());
    }
}
