using Microsoft.Extensions.AI;

namespace AgoraBench;

/// <summary>One item's grading as the judge pipeline runs it: the messages, the attempts so far, their failures and usage, and the last parsed answer.</summary>
internal sealed class JudgeGrading(IChatClient judge, ChatMessage[] messages, ChatOptions options, TimeProvider time)
{
    public List<MetricDiagnostic> Failures { get; } = [];

    public MetricUsage Usage { get; private set; } = new(0, 0, 0);

    public JudgeScore Last { get; private set; } = new(null, "unparsable-score", string.Empty);

    public int Attempt { get; private set; }

    /// <summary>Asks the judge once; a failed request is recorded (a refusal says so) and thrown on to the pipeline.</summary>
    public async ValueTask<JudgeScore> AskAsync(CancellationToken cancellationToken)
    {
        Attempt++;
        ChatResponse answer;
        try
        {
            answer = await judge.GetResponseAsync(messages, options.Clone(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Usage = Usage.Add(new MetricUsage(1, 0, 0));
            string refused = TransportFault.Classify(ex, time) is { Retryable: false } fault ? $"refused ({fault.Description}), not retried: " : string.Empty;
            Failures.Add(new MetricDiagnostic(null, "request-failed", $"attempt {Attempt}: {refused}{ex.GetType().Name}: {Shorten(ex.Message)}"));
            throw;
        }

        Usage = Usage.Add(new MetricUsage(1, answer.Usage?.InputTokenCount ?? 0, answer.Usage?.OutputTokenCount ?? 0));
        Last = JudgeScoreParser.Parse(answer.Text);
        if (Last.Score is null)
        {
            Failures.Add(new MetricDiagnostic(null, Last.Rule, $"attempt {Attempt}: {Shorten(answer.Text)}"));
        }

        return Last;
    }

    internal static string Shorten(string? text)
    {
        text = (text ?? string.Empty).Replace('\n', ' ').Trim();
        return text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
    }
}
