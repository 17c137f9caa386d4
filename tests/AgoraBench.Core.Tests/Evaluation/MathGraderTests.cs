namespace AgoraBench.Tests.Evaluation;

public class MathGraderTests
{
    [Theory]
    [InlineData("So x = 4.\n[RESULT] 4 [/RESULT]", "4", "result-tag")]
    [InlineData("Thus the total is $\\boxed{\\frac{3}{4}}$.", "\\frac{3}{4}", "boxed")]
    [InlineData("\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}", "\\left( 3, \\frac{\\pi}{2} \\right)", "boxed")]
    [InlineData("She has 18 eggs.\n#### 18", "18", "hash-marks")]
    [InlineData("Adding up, the answer is 42.", "42", "answer-is")]
    [InlineData("First 3 apples, then 7 more, so 10", "10", "last-number")]
    [InlineData("I am not sure.", null, "none")]
    public void Extract_TriesEachRuleInOrder(string output, string? answer, string rule) =>
        Assert.Equal((answer, rule), MathAnswerExtractor.Extract(output));

    [Theory]
    [InlineData("$1,234$", "1234")]
    [InlineData("\\dfrac{1}{2}", "\\frac{1}{2}")]
    [InlineData("\\frac12", "\\frac{1}{2}")]
    [InlineData("90^\\circ", "90")]
    [InlineData("25\\%", "25")]
    [InlineData("\\text{Evelyn}", "Evelyn")]
    [InlineData("x = 5", "5")]
    [InlineData("5.00", "5")]
    [InlineData("12 dollars", "12")]
    [InlineData("11\\sqrt2", "11\\sqrt{2}")]
    [InlineData("\\left[ -2, 7 \\right)", "[-2,7)")]
    public void Normalize_CanonicalForms(string input, string expected) =>
        Assert.Equal(expected, MathAnswerNormalizer.Normalize(input));

    [Theory]
    [InlineData("0.5", "\\frac{1}{2}", "numeric")]
    [InlineData("\\frac{14}{3}", "\\dfrac{14}{3}", "normalized")]
    [InlineData("3\\sqrt{13}", "\\sqrt{117}", "numeric")]
    [InlineData("(3, \\frac{\\pi}{2})", "\\left( 3, \\frac{\\pi}{2} \\right)", "normalized")]
    [InlineData("(1.5, 2)", "\\left(\\frac32, 2\\right)", "structure")]
    [InlineData("x^2+7x+10", "(x+2)(x+5)", "expression")]
    [InlineData("p-q", "-q+p", "expression")]
    [InlineData("1,000", "1000", "normalized")]
    [InlineData("50%", "50", "normalized")]
    public void Equivalence_Holds(string answer, string gold, string how) => Assert.Equal(how, MathGrader.Equivalence(answer, gold));

    [Theory]
    [InlineData("0.51", "\\frac{1}{2}")]
    [InlineData("[-2, 7]", "[-2, 7)")]
    [InlineData("x^2+7x+11", "(x+2)(x+5)")]
    [InlineData("Evelyn", "Amy")]
    [InlineData("(1, 2)", "(1, 2, 3)")]
    [InlineData("", "5")]
    public void Equivalence_Fails(string answer, string gold) => Assert.Equal("none", MathGrader.Equivalence(answer, gold));

    [Fact]
    public void Grade_ReportsExtractionAndMatch()
    {
        var grade = MathGrader.Grade("The result is \\boxed{\\dfrac{1}{2}}.", "0.5");
        Assert.Equal(new MathGrade(true, "\\dfrac{1}{2}", "boxed", "numeric"), grade);
    }

    [Theory]
    [InlineData(10, 0, 1, 0.0)]
    [InlineData(10, 10, 5, 1.0)]
    [InlineData(10, 3, 1, 0.3)]
    [InlineData(5, 2, 2, 0.7)] // 1 − C(3,2)/C(5,2) = 1 − 3/10
    [InlineData(20, 5, 10, 1 - (3003.0 / 184756.0))] // 1 − C(15,10)/C(20,10)
    [InlineData(4, 3, 2, 1.0)] // n − c < k
    public void PassAtK_MatchesTheClosedForm(int n, int c, int k, double expected) =>
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), 12);
}
