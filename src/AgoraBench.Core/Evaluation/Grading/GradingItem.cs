namespace AgoraBench;

/// <summary>One answer to grade.</summary>
/// <param name="Problem">The problem, with every field of its record.</param>
/// <param name="Output">The model's whole answer.</param>
/// <param name="Question">The prompt the model was asked (the rendered student prompt).</param>
public sealed record GradingItem(BenchmarkProblem Problem, string Output, string Question);
