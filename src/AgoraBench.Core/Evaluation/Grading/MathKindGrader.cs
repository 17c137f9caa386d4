using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>The <c>math</c> kind: MATH answer equivalence (<see cref="MathGrader"/>) against the gold field; by default the answer is found as <see cref="MathGrader"/> finds it (the last <c>\boxed{}</c>, …); <c>"extraction": "first"</c> takes lm-eval's GSM8K answer (the first <c>####</c> before the next "Question:").</summary>
internal sealed class MathKindGrader : IBenchmarkGrader
{
    private readonly string? _answer;
    private readonly Regex? _extract;
    private readonly MathExtraction _mode;

    public MathKindGrader(GraderSpec spec, GraderContext context)
    {
        var options = new GraderOptions(spec, context);
        _answer = options.Field("answer");
        _extract = options.Extract();
        _mode = options.Text("extraction") switch
        {
            null or "last" => MathExtraction.Last,
            "first" => MathExtraction.First,
            string other => Invalid(options, other),
        };
        options.Done();
    }

    public Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        string gold = AnswerExtraction.Gold(item.Problem, _answer) ?? string.Empty;
        string? output = _extract is null ? item.Output : AnswerExtraction.Apply(_extract, item.Output);
        if (output is null)
        {
            return Task.FromResult(ItemScore.Pass(false, "no-match"));
        }

        var grade = MathGrader.Grade(output, gold, _mode);
        return Task.FromResult(ItemScore.Pass(grade.Correct, grade.Rule, grade.Extracted));
    }

    private static MathExtraction Invalid(GraderOptions options, string value)
    {
        options.Error("extraction", $"must be 'first' or 'last', not '{value}'");
        return MathExtraction.Last;
    }
}
