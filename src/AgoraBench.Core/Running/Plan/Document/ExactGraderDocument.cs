using System.ComponentModel;

namespace AgoraBench;

/// <summary>The options of the <c>exact</c> grader.</summary>
[Description("The extracted answer equals the gold field (default: the whole answer).")]
internal sealed record ExactGraderDocument : ExtractingGraderDocument
{
    [MinimumLength(1)]
    [Description("The gold field.")]
    public string? Answer { get; set; }

    [Description("Compare without regard to case.")]
    public bool IgnoreCase { get; set; } = true;

    [Description("Collapse runs of white space before comparing.")]
    public bool NormalizeWhitespace { get; set; } = true;
}
