namespace AgoraBench;

/// <summary>The grade of one problem.</summary>
internal sealed class BenchmarkItemGrade
{
    internal BenchmarkItemGrade(string id, bool correct, string? extracted, string rule, int samplesCorrect, int samples)
    {
        Id = id;
        Correct = correct;
        Extracted = extracted;
        Rule = rule;
        SamplesCorrect = samplesCorrect;
        Samples = samples;
    }

    /// <summary>Gets the problem id.</summary>
    public string Id { get; }

    /// <summary>Gets a value indicating whether the first output is correct.</summary>
    public bool Correct { get; }

    /// <summary>Gets the answer extracted from the first output, or <see langword="null"/>.</summary>
    public string? Extracted { get; }

    /// <summary>Gets the extraction rule that fired for the first output, or <c>missing</c>.</summary>
    internal string Rule { get; }

    /// <summary>Gets how many of the outputs are correct.</summary>
    internal int SamplesCorrect { get; }

    /// <summary>Gets how many outputs were graded.</summary>
    internal int Samples { get; }

    private readonly double? _points;

    /// <summary>Gets the sum of the outputs' scores in [0, 1] (equal to <see cref="SamplesCorrect"/> for pass/fail graders).</summary>
    public double Points
    {
        get => _points ?? SamplesCorrect;
        internal init => _points = value;
    }

    /// <summary>Gets how many outputs could not be scored (reported, not counted as wrong).</summary>
    internal int Unscored { get; init; }
}
