namespace AgoraBench;

/// <summary>A problem with one item (or the whole dataset) that a metric recorded instead of scoring.</summary>
/// <param name="Index">The item's position in the dataset, or <see langword="null"/> for the whole dataset.</param>
/// <param name="Code">A stable reason code, for example <c>empty-response</c>, <c>unparsable-score</c>, <c>out-of-range-score</c>, <c>request-failed</c>, <c>zero-vector</c>.</param>
/// <param name="Message">What happened, with the offending text shortened.</param>
public sealed record MetricDiagnostic(int? Index, string Code, string Message);
