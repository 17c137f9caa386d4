namespace AgoraBench;

/// <summary>The grade of one problem.</summary>
/// <param name="Id">The problem id.</param>
/// <param name="Correct">Whether the first output is correct.</param>
/// <param name="Extracted">The answer extracted from the first output, or <see langword="null"/>.</param>
/// <param name="Rule">The extraction rule that fired for the first output, or <c>missing</c>.</param>
/// <param name="SamplesCorrect">How many of the outputs are correct.</param>
/// <param name="Samples">How many outputs were graded.</param>
public sealed record BenchmarkItemGrade(string Id, bool Correct, string? Extracted, string Rule, int SamplesCorrect, int Samples);
