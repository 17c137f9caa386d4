using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The options of the <c>numeric</c> grader.</summary>
[Description("Numbers compared within a tolerance; thousands separators, units, $ and % are stripped (default extraction: the last number).")]
internal sealed record NumericGraderDocument : ExtractingGraderDocument
{
    [MinimumLength(1)]
    [Description("The gold field.")]
    public string? Answer { get; set; }

    [Range(0d, double.MaxValue)]
    [Description("The largest difference still counted as equal.")]
    public double Tolerance { get; set; } = 1e-6;
}
