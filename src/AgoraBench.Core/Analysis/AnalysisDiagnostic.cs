namespace AgoraBench;

/// <summary>Something an analysis left out or could not compute, and why.</summary>
/// <param name="Stage">The part of the analysis: <c>regression.coarse</c>, <c>regression.fine</c>, <c>pca</c>, <c>pc_regression</c>, <c>cost</c> or <c>budget</c>.</param>
/// <param name="Message">What happened.</param>
public sealed record AnalysisDiagnostic(string Stage, string Message);
