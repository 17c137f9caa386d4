namespace AgoraBench.Tests.Evaluation;

/// <summary>
/// The project's own cases per category of math equivalence, each with the verdict of the peer named (Math-Verify:
/// huggingface/Math-Verify's <c>verify(parse(gold), parse(answer))</c>; lm-eval: lm-evaluation-harness's GSM8K
/// extraction; MATH: Hendrycks et al.'s <c>is_equiv</c>). Every category has matches and near misses: a wrong answer
/// graded correct would corrupt every PGR, so the negatives outnumber the positives.
/// </summary>
public class MathFidelityTests
{
    /// <summary>Math-Verify: equal.</summary>
    [Theory]
    // Units and \text{…}
    [InlineData("144 \\text{ ways}", "144")]
    [InlineData("\\frac{270}7\\text{ degrees}", "\\frac{270}{7}")]
    [InlineData("35 \\text{ cm}^2", "35")]
    [InlineData("12\\text{ inches}", "12")]
    [InlineData("\\$18.90", "18.90")]
    // Thousands separators
    [InlineData("11,\\!111,\\!111,\\!100", "11111111100")]
    [InlineData("1,\\!000,\\!000", "1000000")]
    [InlineData("2{,}500", "2500")]
    // \frac shorthands and variants
    [InlineData("\\frac9{19}", "\\frac{9}{19}")]
    [InlineData("\\tfrac{3}{8}", "\\frac38")]
    [InlineData("\\dfrac{7}{2}", "3.5")]
    [InlineData("\\frac{1}5", "0.2")]
    // Intervals and unions, any spacing
    [InlineData("(2,12)\\cup(12,102)", "(2, 12) \\cup (12, 102)")]
    [InlineData("(-\\infty, 3] \\cup [5,\\infty)", "(-\\infty,3]\\cup[5,\\infty)")]
    [InlineData("[5,\\infty)\\cup(-\\infty,3]", "(-\\infty,3]\\cup[5,\\infty)")]
    [InlineData("\\left( -\\frac12, 4 \\right]", "(-0.5,4]")]
    // Tuples and sets
    [InlineData("\\{2,3,5,7,13\\}", "2, 3, 5, 7, 13")]
    [InlineData("\\{13, 7, 5, 3, 2\\}", "\\{2,3,5,7,13\\}")]
    [InlineData("(1, -\\frac{1}{2})", "(1,-0.5)")]
    [InlineData("-2, 1", "1, -2")]
    // Matrices
    [InlineData("\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}")]
    [InlineData("\\begin{pmatrix} \\frac12 \\\\ -3 \\end{pmatrix}", "\\begin{pmatrix} 0.5 \\\\ -3 \\end{pmatrix}")]
    // "and" lists
    [InlineData("6 \\text{ and } 8", "6, 8")]
    [InlineData("8 \\text{ and } 6", "6,8")]
    // Text answers
    [InlineData("\\text{Evelyn}", "evelyn")]
    [InlineData("\\textbf{Monday}", "monday")]
    // Degrees
    [InlineData("30^\\circ", "30")]
    [InlineData("45^{\\circ}", "45")]
    [InlineData("60°", "60")]
    // Mixed numbers
    [InlineData("1\\frac{4}{5}", "\\frac{9}{5}")]
    [InlineData("2\\frac{1}{2}", "2.5")]
    [InlineData("-3\\frac{1}{4}", "-\\frac{13}{4}")]
    public void MathVerify_Equal(string answer, string gold) =>
        Assert.NotEqual("none", MathGrader.Equivalence(answer, gold));

    /// <summary>Math-Verify and MATH's is_equiv: not equal (near misses).</summary>
    [Theory]
    // Units and \text{…}: the value still decides; magnitude words are not units
    [InlineData("145 \\text{ ways}", "144")]
    [InlineData("\\frac{271}7\\text{ degrees}", "\\frac{270}{7}")]
    [InlineData("32 \\text{ million}", "32")]
    // Thousands separators
    [InlineData("11,\\!111,\\!111,\\!101", "11111111100")]
    [InlineData("1,000,001", "1000000")]
    [InlineData("(1,234)", "1234")]
    [InlineData("1,23", "123")]
    // \frac variants
    [InlineData("\\frac9{18}", "\\frac{9}{19}")]
    [InlineData("\\frac{19}9", "\\frac{9}{19}")]
    [InlineData("\\tfrac{3}{8}", "0.376")]
    // Intervals: open vs closed, wrong endpoints, wrong union
    [InlineData("[2,12)\\cup(12,102)", "(2,12)\\cup(12,102)")]
    [InlineData("(2,12]\\cup(12,102)", "(2,12)\\cup(12,102)")]
    [InlineData("(2,12)\\cup(12,103)", "(2,12)\\cup(12,102)")]
    [InlineData("(2,102)", "(2,12)\\cup(12,102)")]
    [InlineData("(-\\infty, 3) \\cup [5,\\infty)", "(-\\infty,3]\\cup[5,\\infty)")]
    [InlineData("[-2, 7]", "[-2, 7)")]
    [InlineData("(3, 5)", "[3, 5]")]
    // Tuples and sets: wrong members, missing or extra members, order in a tuple
    [InlineData("\\{2,3,5,7,11\\}", "\\{2,3,5,7,13\\}")]
    [InlineData("\\{2,3,5,7\\}", "\\{2,3,5,7,13\\}")]
    [InlineData("\\{2,3,5,7,13,17\\}", "\\{2,3,5,7,13\\}")]
    [InlineData("\\{2,2,3\\}", "\\{2,3,5\\}")]
    [InlineData("(2, 1)", "(1, 2)")]
    [InlineData("(1, 2)", "[1, 2]")]
    [InlineData("(1, 2)", "1, 2")]
    [InlineData("-2, 1", "2, -1")]
    [InlineData("6, 8", "6, 8, 10")]
    [InlineData("\\{6, 8\\}", "14")]
    // Matrices: a different entry, a transpose, another shape
    [InlineData("\\begin{pmatrix} 1 & 2 \\\\ 3 & 5 \\end{pmatrix}", "\\begin{bmatrix}1&2\\\\3&4\\end{bmatrix}")]
    [InlineData("\\begin{pmatrix} 1 & 3 \\\\ 2 & 4 \\end{pmatrix}", "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}")]
    [InlineData("\\begin{pmatrix} 1 & 2 & 3 & 4 \\end{pmatrix}", "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}")]
    [InlineData("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "(1, 2)")]
    // "and" lists
    [InlineData("6 \\text{ and } 9", "6, 8")]
    [InlineData("6 \\text{ and } 8", "68")]
    // Text answers
    [InlineData("\\text{Evelyn}", "Evelina")]
    [InlineData("a", "A")]
    [InlineData("\\text{(B)}", "\\text{(C)}")]
    // Degrees
    [InlineData("31^\\circ", "30")]
    // Mixed numbers: 1 4/5 is 9/5, never 4/5
    [InlineData("1\\frac{4}{5}", "\\frac{4}{5}")]
    [InlineData("1\\frac{4}{5}", "0.8")]
    [InlineData("\\frac{4}{5}", "1\\frac{4}{5}")]
    [InlineData("2\\frac{1}{2}", "1")]
    // Numbers
    [InlineData("0.3334", "\\frac{1}{3}")]
    [InlineData("1000", "1001")]
    [InlineData("-5", "5")]
    [InlineData("\\sqrt{3}", "\\sqrt{2}")]
    public void MathVerify_NotEqual(string answer, string gold) =>
        Assert.Equal("none", MathGrader.Equivalence(answer, gold));

    /// <summary>lm-eval's GSM8K (strict): cut at the next "Question:", then the first "#### number".</summary>
    [Theory]
    [InlineData("Tom has 3 + 4 = 7 apples.\n#### 7\n\nQuestion: Ann has 2 apples...\nAnswer: 2 + 3 = 5\n#### 5", "7")]
    [InlineData("#### 12\nWait, recheck: #### 13", "12")]
    [InlineData("So 5 + 5 = 10.\n#### 1,000\nQuestion: next? #### 3", "1,000")]
    [InlineData("It is 42.\nQuestion: what next?\n#### 9", "42")]
    [InlineData("Question: 3 + 4?\nAnswer: 7\n#### 7\nQuestion: 1 + 1?\n#### 2", "7")]
    public void LmEval_Gsm8k_FirstAfterCut(string output, string expected) =>
        Assert.Equal(expected, MathAnswerExtractor.Extract(output, MathExtraction.First).Answer);

    [Theory]
    [InlineData("#### 12\nWait, recheck: #### 13", "13")]
    [InlineData("The answer is \\boxed{4}. Question: 5?", "4")]
    public void Last_TakesTheLastAnswer(string output, string expected) =>
        Assert.Equal(expected, MathAnswerExtractor.Extract(output, MathExtraction.Last).Answer);

    [Fact]
    public async Task Gsm8k_GradesWithLmEvalsExtraction()
    {
        var problems = new[] { new BenchmarkProblem("q1", "1+6?", "7", 1) };
        var predictions = new[] { new Prediction("q1", ["1 + 6 = 7\n#### 7\n\nQuestion: 2+2?\nAnswer: 4\n#### 4"], 1) };

        var gsm8k = await BenchmarkGrader.GradeAsync("gsm8k", problems, predictions, null);
        var math = await BenchmarkGrader.GradeAsync("math", problems, predictions, null);

        Assert.Equal(100, gsm8k.Grade.Score);
        Assert.Equal(0, math.Grade.Score);
    }
}
