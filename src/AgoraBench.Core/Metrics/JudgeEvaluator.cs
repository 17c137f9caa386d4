using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgoraBench;

/// <summary>
/// The AGORABENCH judge as a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>: it grades the model response
/// (response quality) or the last user message (instruction difficulty) 1–5 and returns a <see cref="NumericMetric"/>
/// whose reason is the judge's feedback. The judge is the <see cref="ChatConfiguration"/>'s chat client.
/// </summary>
/// <remarks>A missing judge, an empty text or a judge that never gives a valid score yields a metric without a value and an error diagnostic, never an exception.</remarks>
internal sealed class JudgeEvaluator : IEvaluator
{
    private readonly JudgeCriterion _criterion;
    private readonly BenchmarkDomain _domain;
    private readonly JudgeMetricOptions? _options;

    /// <summary>Initializes a new instance of the <see cref="JudgeEvaluator"/> class.</summary>
    /// <param name="criterion">What to grade.</param>
    /// <param name="domain">The domain (selects the rubric).</param>
    /// <param name="options">Judge options, or <see langword="null"/> for the defaults.</param>
    public JudgeEvaluator(JudgeCriterion criterion, BenchmarkDomain domain, JudgeMetricOptions? options = null)
    {
        _criterion = criterion;
        _domain = domain;
        _options = options is null ? null : JudgeMetricOptionsValidator.Instance.ThrowIfInvalid(options, nameof(options));
    }

    /// <summary>Gets the metric name this evaluator produces.</summary>
    public string MetricName => _criterion == JudgeCriterion.InstructionDifficulty ? IntrinsicMetricNames.InstructionDifficulty : IntrinsicMetricNames.ResponseQuality;

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => [MetricName];

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(
        IEnumerable<ChatMessage> messages,
        ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null,
        IEnumerable<EvaluationContext>? additionalContext = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(modelResponse);
        var metric = new NumericMetric(MetricName);
        var result = new EvaluationResult(metric);
        if (chatConfiguration?.ChatClient is not { } judge)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error("No judge: pass a ChatConfiguration with the judge's chat client."));
            return result;
        }

        string instruction = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        string response = modelResponse.Text;
        if (string.IsNullOrWhiteSpace(instruction) || (_criterion == JudgeCriterion.ResponseQuality && string.IsNullOrWhiteSpace(response)))
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error("The instruction or the response is empty, so it is not graded."));
            return result;
        }

        var grader = new JudgeMetric(judge, _criterion, _domain, _options);
        var (score, failures, _) = await grader.GradeAsync(instruction, response, cancellationToken).ConfigureAwait(false);
        foreach (var failure in failures)
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Warning($"{failure.Code}: {failure.Message}"));
        }

        if (score.Score is int value)
        {
            metric.Value = value;
            metric.Reason = score.Feedback;
        }
        else
        {
            metric.AddDiagnostics(EvaluationDiagnostic.Error($"The judge gave no valid 1–5 score ({score.Rule})."));
        }

        return result;
    }
}
