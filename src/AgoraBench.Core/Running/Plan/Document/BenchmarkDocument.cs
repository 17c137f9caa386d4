using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;

namespace AgoraBench;

/// <summary>A benchmark under <c>evaluation.benchmarks</c> of a plan file: a paper benchmark's files, or a declared one.</summary>
internal sealed record BenchmarkDocument
{
    [Required(ErrorMessage = "is missing: the benchmark's problems file")]
    [Description("The problems file: a paper benchmark's native format, or for a declared benchmark JSON Lines, a JSON array or CSV with any fields.")]
    public string? Problems { get; set; }

    [Description("Problems the base model's demonstrations are drawn from, instead of holding out the first baseFewShot problems.")]
    public string? FewShotProblems { get; set; }

    [Range(1, int.MaxValue)]
    [Description("Evaluate only the first N problems.")]
    public int? Limit { get; set; }

    [Description("Baseline answers (required for arena-hard, e.g. gpt-4-0314.jsonl).")]
    public string? Baseline { get; set; }

    [Description("alpaca-eval only, with gamedBaselines: AlpacaEval's instruction difficulties, so the run scores length_controlled_v1 (else length_controlled_minimal, with a note).")]
    public string? InstructionDifficulty { get; set; }

    [Description("alpaca-eval only, with instructionDifficulty: the gamed baselines' annotations of length_controlled_v1.")]
    public string? GamedBaselines { get; set; }

    [Description("The student prompt, a Liquid template over the problem's fields, e.g. \"{{ question }}\"; every field must exist in the problems file.")]
    public string? Prompt { get; set; }

    [Description("How each answer is scored (one item → a score in [0,1], or unscored with a reason).")]
    [GraderOptions]
    public JsonObject? Grader { get; set; }

    [Range(0d, double.MaxValue)]
    [Description("Sampling temperature of students, base and reference (default 0).")]
    public double? Temperature { get; set; }

    [MinimumLength(1)]
    [Description("The field holding each problem's id, which every record must have when it is set; without it a problem's id is its 0-based position.")]
    public string? IdField { get; set; }

    [Description("What the score measures, printed in reports.")]
    public string? Metric { get; set; }
}
