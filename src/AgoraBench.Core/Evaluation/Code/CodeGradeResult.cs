namespace AgoraBench;

/// <summary>A graded code benchmark.</summary>
internal sealed class CodeGradeResult
{
    internal CodeGradeResult(BenchmarkGradeResult grade, IReadOnlyDictionary<int, double> passAtK, IReadOnlyList<SandboxResult> runs)
    {
        Grade = grade;
        PassAtK = passAtK;
        Runs = runs;
    }

    /// <summary>Gets the score (pass@1, percent) and each problem's grade.</summary>
    public BenchmarkGradeResult Grade { get; }

    /// <summary>Gets pass@k in percent for each k that every problem has enough samples for.</summary>
    public IReadOnlyDictionary<int, double> PassAtK { get; }

    /// <summary>Gets every sample's sandbox result.</summary>
    internal IReadOnlyList<SandboxResult> Runs { get; }
}
