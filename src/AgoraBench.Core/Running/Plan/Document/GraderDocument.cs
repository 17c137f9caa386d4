using System.ComponentModel;

namespace AgoraBench;

/// <summary>The options every built-in grader kind takes; each kind's record adds its own.</summary>
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

    [Description("A regex with exactly one capture group taking the graded part out of the answer (its last match); default: the kind's own.")]
    public string? Extract { get; init; }
}
