namespace AgoraBench;

/// <summary>The options of a built-in grader kind, one record per kind, each listing exactly the options its grader reads.</summary>
internal abstract record GraderDocument
{
    /// <summary>The built-in kinds and the record of each one's options, in the order the schema lists them.</summary>
    public static IReadOnlyList<(string Kind, Type Options)> Kinds { get; } =
    [
        ("exact", typeof(ExactGraderDocument)),
        ("numeric", typeof(NumericGraderDocument)),
        ("math", typeof(MathGraderDocument)),
        ("python-tests", typeof(PythonTestsGraderDocument)),
        ("judge", typeof(JudgeGraderDocument)),
        ("pairwise", typeof(PairwiseGraderDocument)),
    ];
}
