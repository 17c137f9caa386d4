namespace AgoraBench;

/// <summary>A model's output(s) for one benchmark problem.</summary>
/// <param name="Id">The problem id it answers.</param>
/// <param name="Outputs">One output, or several samples (for pass@k).</param>
/// <param name="Line">The 1-based line of the predictions file.</param>
public sealed record Prediction(string Id, IReadOnlyList<string> Outputs, int Line);
