namespace AgoraBench;

/// <summary>
/// Grades math answers (GSM8K, MATH): extracts the final answer (<see cref="MathAnswerExtractor"/>), normalizes both
/// sides (<see cref="MathAnswerNormalizer"/>), and decides equivalence by exact text, normalized text, numeric value
/// (fractions, roots, π, decimals; whole numbers exactly, others within a relative 1e-6), structurally for tuples,
/// intervals and unions (bracket types must match), sets and bare lists (in any order) and matrices (pmatrix, bmatrix
/// alike), without case for word answers, or, for expressions in single-letter variables, by agreement at several
/// random points.
/// </summary>
internal static class MathGrader
{
    private static readonly double[][] Points = [[1.3, 0.7, 2.1], [-0.45, 1.9, 0.35], [2.75, -1.2, 1.15], [0.6, 3.3, -2.4]];

    /// <summary>Grades a model output against a gold answer.</summary>
    /// <param name="output">The model's output.</param>
    /// <param name="gold">The gold answer (a GSM8K number or a MATH answer string).</param>
    /// <returns>The grade, with the extracted answer and the rules that fired.</returns>
    public static MathGrade Grade(string? output, string gold) => Grade(output, gold, MathExtraction.Last);

    /// <summary>Grades one output against the gold answer, extracting the answer in the given mode.</summary>
    /// <param name="output">The model's output.</param>
    /// <param name="gold">The gold answer.</param>
    /// <param name="extraction"><see cref="MathExtraction.First"/> (lm-eval's GSM8K) or <see cref="MathExtraction.Last"/>.</param>
    /// <returns>The grade.</returns>
    public static MathGrade Grade(string? output, string gold, MathExtraction extraction)
    {
        ArgumentNullException.ThrowIfNull(gold);
        var (answer, rule) = MathAnswerExtractor.Extract(output, extraction);
        if (answer is null)
        {
            return new MathGrade(false, null, rule, "none");
        }

        string match = Equivalence(answer, gold);
        return new MathGrade(match != "none", answer, rule, match);
    }

    /// <summary>Decides whether two answers are equivalent.</summary>
    /// <param name="answer">The predicted answer.</param>
    /// <param name="gold">The gold answer.</param>
    /// <returns>How they matched (<c>exact</c>, <c>normalized</c>, <c>numeric</c>, <c>structure</c> (tuples, intervals, sets, lists, matrices), <c>text</c>, <c>expression</c>), or <c>none</c>.</returns>
    public static string Equivalence(string answer, string gold)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(gold);
        if (answer.Trim() == gold.Trim())
        {
            return "exact";
        }

        string a = MathAnswerNormalizer.Normalize(answer);
        string b = MathAnswerNormalizer.Normalize(gold);
        if (a.Length == 0 || b.Length == 0)
        {
            return "none";
        }

        if (a == b)
        {
            return "normalized";
        }

        var structureA = MathStructure.Parse(a);
        var structureB = MathStructure.Parse(b);
        if (structureA.Type != MathStructure.Kind.Scalar || structureB.Type != MathStructure.Kind.Scalar)
        {
            return structureA.Matches(structureB, ScalarEqual) ? "structure" : "none";
        }

        if (TextEqual(a, b))
        {
            return "text";
        }

        if (NumericEqual(a, b))
        {
            return "numeric";
        }

        return ExpressionEqual(a, b) ? "expression" : "none";
    }

    private static bool NumericEqual(string a, string b) =>
        MathExpression.TryEvaluate(a, EmptyVariables, out double x) && MathExpression.TryEvaluate(b, EmptyVariables, out double y) && Close(x, y);

    private static bool ScalarEqual(string a, string b) => a == b || TextEqual(a, b) || NumericEqual(a, b) || ExpressionEqual(a, b);

    /// <summary>Word answers compare without case ("\text{Evelyn}" and "evelyn"); single letters (choices, variables) do not.</summary>
    private static bool TextEqual(string a, string b) =>
        a.Length >= 2 && a.All(char.IsLetter) && b.All(char.IsLetter) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static bool ExpressionEqual(string a, string b)
    {
        var variables = MathExpression.Variables(a);
        if (variables.Count == 0 || variables.Count > 3 || !variables.SetEquals(MathExpression.Variables(b)))
        {
            return false;
        }

        var names = variables.Order().ToArray();
        foreach (double[] point in Points)
        {
            var values = names.Select((n, i) => (n, point[i])).ToDictionary(p => p.n, p => p.Item2);
            if (!MathExpression.TryEvaluate(a, values, out double x) || !MathExpression.TryEvaluate(b, values, out double y) || !Close(x, y))
            {
                return false;
            }
        }

        return true;
    }

    // Whole numbers must match exactly (1,450,001 is not 1,450,000); other values within a relative 1e-6, so 0.333333 matches 1/3.
    private static bool Close(double x, double y) =>
        IsWhole(x) && IsWhole(y) ? Math.Round(x) == Math.Round(y) : Math.Abs(x - y) <= 1e-6 * Math.Max(1, Math.Abs(y));

    private static bool IsWhole(double v) => Math.Abs(v - Math.Round(v)) <= 1e-9 * Math.Max(1, Math.Abs(v));

    private static readonly Dictionary<char, double> EmptyVariables = [];
}
