using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>The <c>exact</c> kind: the extracted answer (default: the whole answer, trimmed) equals the gold field, with optional case folding and whitespace normalisation.</summary>
internal sealed partial class ExactGrader : IBenchmarkGrader
{
    private readonly string? _answer;
    private readonly Regex? _extract;
    private readonly bool _ignoreCase;
    private readonly bool _normalizeWhitespace;

    public ExactGrader(GraderSpec spec, GraderContext context)
    {
        var options = new GraderOptions(spec, context);
        _answer = options.Field("answer");
        _extract = options.Extract();
        _ignoreCase = options.Bool("ignoreCase") ?? true;
        _normalizeWhitespace = options.Bool("normalizeWhitespace") ?? true;
        options.Done();
    }

    public Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (AnswerExtraction.Gold(item.Problem, _answer) is not { } gold)
        {
            return Task.FromResult(ItemScore.Unscored($"the problem has no gold answer{(_answer is null ? string.Empty : $" in '{_answer}'")}"));
        }

        string? extracted = _extract is null ? item.Output : AnswerExtraction.Apply(_extract, item.Output);
        if (extracted is null)
        {
            return Task.FromResult(ItemScore.Pass(false, "no-match"));
        }

        bool equal = string.Equals(Normalize(extracted), Normalize(gold), _ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        return Task.FromResult(ItemScore.Pass(equal, equal ? "exact" : "different", extracted.Trim()));
    }

    private string Normalize(string text) => _normalizeWhitespace ? Whitespace().Replace(text.Trim(), " ") : text.Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
