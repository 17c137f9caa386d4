namespace AgoraBench;

/// <summary>One observation of a two-variable analysis, labelled for charts and tables.</summary>
/// <param name="Label">What the point is, for example <c>GPT-4o</c> or <c>GPT-4o · instance-generation/math</c>.</param>
/// <param name="X">The x value.</param>
/// <param name="Y">The y value.</param>
internal sealed record AnalysisPoint(string Label, double X, double Y);
