using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The options of the <c>pairwise</c> grader.</summary>
[Description("An LLM judge compares each answer with a baseline answer in both orders.")]
internal sealed record PairwiseGraderDocument : GraderDocument
{
    [MinimumLength(1)]
    [Description("The field holding the baseline answer (else the benchmark's baseline file).")]
    public string? Baseline { get; set; }

    [AllowedValues("win-rate", "bradley-terry", "length-controlled")]
    [Description("How pairwise verdicts become a score.")]
    public string Aggregate { get; set; } = "win-rate";
}
