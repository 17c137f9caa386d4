namespace AgoraBench.Tests.Metrics;

public class JudgeScoreParserTests
{
    [Theory]
    [InlineData("Feedback: Clear and correct. [RESULT] 4", 4, "result-tag")]
    [InlineData("The answer is right. [RESULT] 5", 5, "result-tag")]
    [InlineData("ok [RESULT]: 3", 3, "result-tag")]
    [InlineData("ok [RESULT] (2)", 2, "result-tag")]
    [InlineData("ok [RESULT] 4/5", 4, "result-tag")]
    [InlineData("good [RESULT] 4.0", 4, "result-tag")]
    [InlineData("I would say [RESULT] 2 because step 3 is wrong.", 2, "result-tag")]
    [InlineData("first [RESULT] 1, revised: [RESULT] 3", 3, "result-tag")]
    [InlineData("Solid work overall.\nScore: 4", 4, "score-label")]
    [InlineData("I give it a score of 2 out of 5 since it misses cases.", 2, "score-label")]
    [InlineData("Rating = 5", 5, "score-label")]
    [InlineData("Mostly fine.\n3", 3, "trailing-number")]
    [InlineData("Mostly fine. 4.", 4, "trailing-number")]
    public void Parse_AcceptsTheUsualFormats(string output, int score, string rule)
    {
        var parsed = JudgeScoreParser.Parse(output);
        Assert.Equal(score, parsed.Score);
        Assert.Equal(rule, parsed.Rule);
    }

    [Theory]
    [InlineData("[RESULT] 7", "out-of-range-score")]
    [InlineData("[RESULT] 0", "out-of-range-score")]
    [InlineData("Score: -1", "out-of-range-score")]
    [InlineData("[RESULT] 3.5", "non-integer-score")]
    [InlineData("I cannot judge this.", "unparsable-score")]
    [InlineData("", "unparsable-score")]
    [InlineData(null, "unparsable-score")]
    public void Parse_RejectsWhatIsNotAScore(string? output, string code)
    {
        var parsed = JudgeScoreParser.Parse(output);
        Assert.Null(parsed.Score);
        Assert.Equal(code, parsed.Rule);
    }

    [Fact]
    public void Parse_KeepsTheFeedbackAsTheReason()
    {
        var parsed = JudgeScoreParser.Parse("Feedback: The loop misses n = 0. [RESULT] 3");
        Assert.Equal("The loop misses n = 0.", parsed.Feedback);
    }
}
