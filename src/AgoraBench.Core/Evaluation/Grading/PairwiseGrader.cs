namespace AgoraBench;

/// <summary>
/// The <c>pairwise</c> kind: the judge compares the answer with the baseline's answer (the <c>baseline</c> field, else the
/// benchmark's baseline file) in both orders; each game scores 1 for a win, ½ for a tie and 0 for a loss, and the item
/// scores the mean, so the benchmark's mean is the win rate. An item the judge gives no verdict on is unscored.
/// </summary>
internal sealed class PairwiseGrader : IBenchmarkGrader
{
    private readonly string? _baseline;
    private readonly GraderContext _context;

    public PairwiseGrader(GraderSpec spec, GraderContext context)
    {
        var options = new GraderOptions(spec, context);
        _context = context;
        _baseline = options.Field("baseline");
        string? aggregate = options.Text("aggregate");
        if (aggregate is not (null or "win-rate" or "bradley-terry" or "length-controlled"))
        {
            options.Error("aggregate", "must be win-rate, bradley-terry (Arena-Hard) or length-controlled (AlpacaEval 2.0)");
        }

        options.Done();
    }

    public async Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var judgeClient = _context.Judge ?? throw new InvalidOperationException("The pairwise grader needs a judge model (GraderContext.Judge; the plan's evaluation.judge).");
        string? baseline = _baseline is not null ? AnswerExtraction.Field(item.Problem, _baseline)
            : _context.Baseline is { } answers && answers.TryGetValue(item.Problem.Id, out var b) ? b
            : item.Problem.Answer;
        if (baseline is null)
        {
            return ItemScore.Unscored("no baseline answer");
        }

        var judge = new PairwiseJudge(judgeClient);
        var first = await judge.JudgeAsync(item.Question, baseline, item.Output, cancellationToken).ConfigureAwait(false);
        var second = await judge.JudgeAsync(item.Question, item.Output, baseline, cancellationToken).ConfigureAwait(false);
        var points = new List<double>();
        if (first is { } f)
        {
            points.Add(f switch { PairwiseVerdict.BBetter or PairwiseVerdict.BMuchBetter => 1, PairwiseVerdict.Tie => 0.5, _ => 0 });
        }

        if (second is { } s)
        {
            points.Add(s switch { PairwiseVerdict.ABetter or PairwiseVerdict.AMuchBetter => 1, PairwiseVerdict.Tie => 0.5, _ => 0 });
        }

        return points.Count == 0
            ? ItemScore.Unscored("the judge gave no verdict in either order")
            : new ItemScore(points.Average(), $"{points.Count} game(s): {string.Join(" ", points)}");
    }
}
