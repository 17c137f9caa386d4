using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace AgoraBench;

/// <summary>
/// Asks an LLM judge (any <see cref="IChatClient"/>) which of two answers is better, Arena-Hard style, and reads its
/// verdict; an answer without a verdict label is asked again.
/// </summary>
internal sealed partial class PairwiseJudge
{
    private readonly IChatClient _judge;
    private readonly ResiliencePipeline<Answer> _pipeline;
    private readonly ChatOptions _options;
    private readonly string _template;

    /// <summary>Initializes a new instance of the <see cref="PairwiseJudge"/> class.</summary>
    /// <param name="judge">The judge model.</param>
    /// <param name="maxAttempts">How many times a question is asked when the verdict is missing.</param>
    /// <param name="options">Sampling options, or <see langword="null"/> for temperature 0 and 4,096 tokens.</param>
    public PairwiseJudge(IChatClient judge, int maxAttempts = 2, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        _judge = judge;
        _pipeline = Pipeline(maxAttempts);
        _options = options ?? new ChatOptions { Temperature = 0, MaxOutputTokens = 4096 };
        _template = DefaultTemplate;
    }

    /// <summary>Gets the judge prompt with the placeholders <c>{question}</c>, <c>{answer_a}</c> and <c>{answer_b}</c>.</summary>
    internal static string DefaultTemplate { get; } = LoadTemplate();

    /// <summary>Judges one game.</summary>
    /// <param name="question">The question.</param>
    /// <param name="answerA">The answer shown first.</param>
    /// <param name="answerB">The answer shown second.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The verdict, or <see langword="null"/> when the judge never gave one.</returns>
    internal async Task<PairwiseVerdict?> JudgeAsync(string question, string answerA, string answerB, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["question"] = question, ["answer_a"] = answerA, ["answer_b"] = answerB };
        string prompt = Placeholder().Replace(_template, m => values[m.Groups[1].Value]);
        var answer = await _pipeline.ExecuteAsync(
            static async (call, ct) => new Answer(PairwiseVerdictParser.Parse((await call.Judge._judge.GetResponseAsync([new ChatMessage(ChatRole.User, call.Prompt)], call.Judge._options.Clone(), ct).ConfigureAwait(false)).Text)),
            (Judge: this, Prompt: prompt),
            cancellationToken).ConfigureAwait(false);
        return answer.Verdict;
    }

    /// <summary>
    /// The pairwise judge's resilience pipeline (<c>AgoraBench.PairwiseJudge</c>), built once: an answer without a
    /// verdict label is asked again at once, up to the attempts given. Failed requests are the judge client's to retry
    /// (its SDK's policy); they are not asked again here.
    /// </summary>
    /// <remarks>
    /// The pipeline's result is a small class of our own rather than the nullable enum itself: a Native AOT build keeps
    /// every member of a retry strategy's result type, and an enum's include <see cref="Enum.GetValues(Type)"/>, which
    /// needs code generated at run time.
    /// </remarks>
    private static ResiliencePipeline<Answer> Pipeline(int maxAttempts)
    {
        var builder = ModelCallRetry.Builder<Answer>(ModelCallRetry.PairwiseJudge, TimeProvider.System, null);
        if (maxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<Answer>
            {
                MaxRetryAttempts = maxAttempts - 1,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Exception is null && args.Outcome.Result?.Verdict is null),
            });
        }

        return builder.Build();
    }

    /// <summary>
    /// Plays two games per question (the baseline's answer first, then the model's first) with bounded concurrency.
    /// </summary>
    /// <param name="questions">Question id → question.</param>
    /// <param name="answers">Question id → the model's answer.</param>
    /// <param name="baseline">Question id → the baseline's answer.</param>
    /// <param name="model">The model's name.</param>
    /// <param name="baselineName">The baseline's name.</param>
    /// <param name="concurrency">Judge requests in flight.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The judged games, and the games the judge gave no verdict for.</returns>
    internal async Task<(IReadOnlyList<PairwiseJudgment> Judgments, int Unjudged)> PlayAsync(
        IReadOnlyDictionary<string, string> questions,
        IReadOnlyDictionary<string, string> answers,
        IReadOnlyDictionary<string, string> baseline,
        string model,
        string baselineName,
        int concurrency = 8,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(baseline);
        var games = questions.Keys.Where(answers.ContainsKey).Where(baseline.ContainsKey)
            .SelectMany(q => new[] { (Question: q, BaselineFirst: true), (Question: q, BaselineFirst: false) })
            .ToArray();
        var judgments = new PairwiseJudgment?[games.Length];
        using var activity = Telemetry.Source.StartActivity(AgoraBenchTelemetry.JudgingSpan);
        activity?.SetTag(AgoraBenchTelemetry.RequestModelAttribute, _judge.GetService<ChatClientMetadata>()?.DefaultModelId);
        activity?.SetTag(AgoraBenchTelemetry.ItemsAttribute, games.Length);
        await Parallel.ForEachAsync(Enumerable.Range(0, games.Length), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var (q, baselineFirst) = games[i];
            var verdict = baselineFirst
                ? await JudgeAsync(questions[q], baseline[q], answers[q], token).ConfigureAwait(false)
                : await JudgeAsync(questions[q], answers[q], baseline[q], token).ConfigureAwait(false);
            if (Telemetry.Judgments.Enabled)
            {
                Telemetry.Judgments.Add(1, new KeyValuePair<string, object?>(AgoraBenchTelemetry.VerdictAttribute, verdict is { } label ? Label(label) : "none"));
            }

            if (verdict is PairwiseVerdict v)
            {
                judgments[i] = baselineFirst ? new PairwiseJudgment(q, baselineName, model, v) : new PairwiseJudgment(q, model, baselineName, v);
            }
        }).ConfigureAwait(false);
        return ([.. judgments.Where(j => j is not null)!], judgments.Count(j => j is null));
    }

    private static string Label(PairwiseVerdict verdict) => verdict switch
    {
        PairwiseVerdict.AMuchBetter => "A>>B",
        PairwiseVerdict.ABetter => "A>B",
        PairwiseVerdict.Tie => "A=B",
        PairwiseVerdict.BBetter => "B>A",
        _ => "B>>A",
    };

    private static string LoadTemplate()
    {
        using var stream = typeof(PairwiseJudge).Assembly.GetManifestResourceStream("AgoraBench.Metrics.Prompts.pairwise_judge.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{(question|answer_a|answer_b)\}")]
    private static partial Regex Placeholder();

    /// <summary>One answer of the judge: its verdict, or <see langword="null"/> when it gave none.</summary>
    private sealed record Answer(PairwiseVerdict? Verdict);
}
