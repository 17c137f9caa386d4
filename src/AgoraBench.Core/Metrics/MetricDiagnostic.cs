namespace AgoraBench;

/// <summary>A problem with one item (or the whole dataset) that a metric recorded instead of scoring.</summary>
public sealed class MetricDiagnostic
{
    /// <summary>Initializes a new instance of the <see cref="MetricDiagnostic"/> class.</summary>
    /// <param name="index">The item's position in the dataset, or <see langword="null"/> for the whole dataset.</param>
    /// <param name="code">A stable reason code, for example <c>empty-response</c>, <c>unparsable-score</c>, <c>out-of-range-score</c>, <c>request-failed</c>, <c>zero-vector</c>.</param>
    /// <param name="message">What happened, with the offending text shortened.</param>
    public MetricDiagnostic(int? index, string code, string message)
    {
        Index = index;
        Code = code;
        Message = message;
    }

    /// <summary>Gets the item's position in the dataset, or <see langword="null"/> for the whole dataset.</summary>
    public int? Index { get; }

    /// <summary>Gets a stable reason code, for example <c>empty-response</c>, <c>unparsable-score</c>, <c>out-of-range-score</c>, <c>request-failed</c>, <c>zero-vector</c>.</summary>
    public string Code { get; }

    /// <summary>Gets what happened, with the offending text shortened.</summary>
    public string Message { get; }
}
