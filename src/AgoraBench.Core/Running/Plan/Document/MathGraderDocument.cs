using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The options of the <c>math</c> grader.</summary>
[Description("MATH-style equivalence of the last \\boxed{} (or the first/last answer).")]
internal sealed record MathGraderDocument : ExtractingGraderDocument
{
    [MinimumLength(1)]
    [Description("The gold field.")]
    public string? Answer { get; set; }

    [AllowedValues("last", "first")]
    [Description("Which answer of the output is graded.")]
    public string Extraction { get; set; } = "last";
}
