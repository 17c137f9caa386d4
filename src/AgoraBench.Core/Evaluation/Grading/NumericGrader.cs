using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>
/// The <c>numeric</c> kind: the extracted number (default: the last number of the answer) is within <c>tolerance</c>
/// (default 1e-6) of the gold field (its last number); thousands separators, units, <c>$</c> and <c>%</c> are stripped
/// from both, and exponents are read (see <see cref="NumberText"/>).
/// </summary>
internal sealed class NumericGrader : IBenchmarkGrader
{
    private readonly string? _answer;
    private readonly Regex? _extract;
    private readonly double _tolerance;

    public NumericGrader(GraderSpec spec, GraderContext context)
    {
        var options = new GraderOptions(spec, context);
        _answer = options.Field("answer");
        _extract = options.Extract();
        _tolerance = options.Number("tolerance") ?? 1e-6;
        if (_tolerance < 0)
        {
            options.Error("tolerance", "must be zero or more");
        }

        options.Done();
    }

    /// <summary>Reads the first number of a text written with thousands separators, a currency sign, a percent sign, an exponent or a unit.</summary>
    public static double? Parse(string? text) => NumberText.FirstValue(text);

    public Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        string? goldText = AnswerExtraction.Gold(item.Problem, _answer);
        if (Parse(NumberText.Last(goldText)) is not { } gold)
        {
            return Task.FromResult(ItemScore.Unscored($"the gold answer '{goldText}' is not a number"));
        }

        string? extracted = _extract is null ? AnswerExtraction.LastNumber(item.Output) : AnswerExtraction.Apply(_extract, item.Output);
        if (Parse(extracted) is not { } value)
        {
            return Task.FromResult(ItemScore.Pass(false, extracted is null ? "no-number" : "not-a-number", extracted));
        }

        bool close = Math.Abs(value - gold) <= _tolerance;
        return Task.FromResult(ItemScore.Pass(close, close ? "within-tolerance" : "different", extracted));
    }
}
