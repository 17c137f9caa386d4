using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>
/// The <c>judge</c> kind: an LLM scores the answer 1–5 with the user's rubric, a Liquid template over the problem's
/// fields plus <c>question</c>, <c>response</c> and (when the <c>reference</c> option names a field) <c>reference</c>.
/// The judge ends with <c>[RESULT] n</c>. Score: 1 when n ≥ <c>passScore</c>, else 0; without a pass score, n / 5. A reply
/// without a score is unscored.
/// </summary>
internal sealed class JudgeGrader : IBenchmarkGrader
{
    private static readonly string[] Provided = ["question", "response", "reference"];

    private readonly LiquidTemplate? _rubric;
    private readonly int? _passScore;
    private readonly string? _reference;
    private readonly Regex? _extract;
    private readonly GraderContext _context;

    public JudgeGrader(GraderSpec spec, GraderContext context)
    {
        var options = new GraderOptions(spec, context);
        _context = context;
        string? file = options.Text("rubric", required: true);
        _reference = options.Field("reference");
        _extract = options.Extract();
        double? pass = options.Number("passScore");
        if (pass is { } p && (p < 1 || p > 5 || p != Math.Floor(p)))
        {
            options.Error("passScore", "must be a whole number from 1 to 5");
        }

        _passScore = pass is null ? null : (int)pass.Value;
        if (file is not null)
        {
            string path = Path.GetFullPath(Path.Combine(context.BaseDirectory, file));
            if (!File.Exists(path))
            {
                options.Error("rubric", $"the rubric file {path} does not exist");
            }
            else if (LiquidTemplate.Parse(File.ReadAllText(path), out string? error) is not { } rubric)
            {
                options.Error("rubric", $"{path} is not a valid Liquid template: {error}");
            }
            else
            {
                _rubric = rubric;
                IReadOnlyList<string> unknownFields = [];
                if (context.Fields is { } fields)
                {
                    var available = fields.Concat(Provided.Where(f => f != "reference" || _reference is not null)).Distinct(StringComparer.Ordinal).ToArray();
                    unknownFields = rubric.UnknownFields(available);
                    foreach (string unknown in unknownFields)
                    {
                        options.Error("rubric", $"{path} uses {{{{ {unknown} }}}}, which is not a field; it can use {string.Join(", ", available.Order(StringComparer.Ordinal))}");
                    }
                }

                string[] provided = [.. Provided.Where(f => f != "reference" || _reference is not null)];
                options.Records("rubric", (context.Problems ?? []).SelectMany(p => rubric.Holes(p, provided).Except(unknownFields).Select(hole => (p, $"field '{hole}': is missing; the rubric {path} uses {{{{ {hole} }}}}"))));
            }
        }

        options.Done();
    }

    public async Task<ItemScore> GradeAsync(GradingItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var judge = _context.Judge ?? throw new InvalidOperationException("The judge grader needs a judge model (GraderContext.Judge; the plan's evaluation.judge).");
        string response = _extract is null ? item.Output : AnswerExtraction.Apply(_extract, item.Output) ?? string.Empty;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["question"] = item.Question, ["response"] = response };
        if (_reference is not null)
        {
            values["reference"] = AnswerExtraction.Field(item.Problem, _reference) ?? string.Empty;
        }

        string prompt = _rubric!.Render(item.Problem, values);
        var reply = await judge.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Temperature = 0 }, cancellationToken).ConfigureAwait(false);
        var parsed = JudgeScoreParser.Parse(reply.Text);
        if (parsed.Score is not { } score)
        {
            return ItemScore.Unscored($"the judge's reply has no 1-5 score ({parsed.Rule})");
        }

        string reason = $"judge {score}/5";
        return _passScore is { } pass ? ItemScore.Pass(score >= pass, reason, response) : new ItemScore(score / 5.0, reason, response);
    }
}
