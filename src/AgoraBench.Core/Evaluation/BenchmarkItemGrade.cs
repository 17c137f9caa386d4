namespace AgoraBench;

/// <summary>The grade of one problem.</summary>
/// <param name="Id">The problem id.</param>
/// <param name="Correct">Whether the first output is correct.</param>
/// <param name="Extracted">The answer extracted from the first output, or <see langword="null"/>.</param>
/// <param name="Rule">The extraction rule that fired for the first output, or <c>missing</c>.</param>
/// <param name="SamplesCorrect">How many of the outputs are correct.</param>
/// <param name="Samples">How many outputs were graded.</param>
public sealed record BenchmarkItemGrade(string Id, bool Correct, string? Extracted, string Rule, int SamplesCorrect, int Samples)
{
    private readonly double? _points;

    /// <summary>Gets the sum of the outputs' scores in [0, 1] (equal to <see cref="SamplesCorrect"/> for pass/fail graders).</summary>
    public double Points
    {
        get => _points ?? SamplesCorrect;
        init => _points = value;
    }

    /// <summary>Gets how many outputs could not be scored (reported, not counted as wrong).</summary>
    public int Unscored { get; init; }
}
