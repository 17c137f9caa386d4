using System.ComponentModel;

namespace AgoraBench;

/// <summary>The options of a grader kind that takes the graded part out of the answer with a regex.</summary>
internal abstract record ExtractingGraderDocument : GraderDocument
{
    [Description("A regex with exactly one capture group taking the graded part out of the answer (its last match); default: the kind's own.")]
    public string? Extract { get; set; }
}
