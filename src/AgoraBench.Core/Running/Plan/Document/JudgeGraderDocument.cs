using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The options of the <c>judge</c> grader.</summary>
[Description("An LLM judge grades each answer 1–5 by your rubric (a Liquid template); 1 at passScore or above, else the mean score / 5.")]
internal sealed record JudgeGraderDocument : ExtractingGraderDocument
{
    [Required]
    [MinimumLength(1)]
    [Description("The rubric file, relative to the plan.")]
    public string? Rubric { get; set; }

    [MinimumLength(1)]
    [Description("A field with a reference answer, available to the rubric as {{ reference }}.")]
    public string? Reference { get; set; }

    [Range(1, 5)]
    [Description("The score from which an answer passes (scored 1).")]
    public int? PassScore { get; set; }
}
