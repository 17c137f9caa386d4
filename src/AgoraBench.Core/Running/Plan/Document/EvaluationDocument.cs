using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>evaluation</c> section of a plan file.</summary>
internal sealed record EvaluationDocument
{
    private static readonly PlanEvaluation Defaults = new();

    [Required(ErrorMessage = "is missing: PGR needs the base model's scores (the paper: meta-llama/Llama-3.1-8B)")]
    [Description("The base model (the paper: meta-llama/Llama-3.1-8B).")]
    public EndpointDocument? Base { get; set; }

    [Required(ErrorMessage = "is missing: PGR needs the reference model's scores (the paper: meta-llama/Llama-3.1-8B-Instruct)")]
    [Description("The reference model (the paper: meta-llama/Llama-3.1-8B-Instruct).")]
    public EndpointDocument? Reference { get; set; }

    [Range(0, int.MaxValue)]
    [Description("Demonstrations the base model sees (held out from the problems unless fewShotProblems is given).")]
    public int BaseFewShot { get; set; } = Defaults.BaseFewShot;

    [Required]
    [KeyPattern("^.+$")]
    [Description("Benchmarks by id: a paper benchmark (gsm8k, math, mbpp, humaneval, alpacaeval-2.0, arena-hard) by its problems file, or one of your own declared with prompt and grader and listed by a domain.")]
    public Dictionary<string, BenchmarkDocument>? Benchmarks { get; set; }

    [Description("The pairwise judge of Arena-Hard and AlpacaEval.")]
    public EndpointDocument? Judge { get; set; }

    [Description("Also evaluate the generators themselves (problem-solving ability, paper §5.1).")]
    public bool ProblemSolving { get; set; } = Defaults.ProblemSolving;

    [Range(0, int.MaxValue)]
    [Description("Bootstrap rounds of the Arena-Hard interval.")]
    public int BootstrapRounds { get; set; } = Defaults.BootstrapRounds;

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    [Description("Seconds one program of a code benchmark may run.")]
    public double CodeTimeoutSeconds { get; set; } = Defaults.CodeTimeout.TotalSeconds;
}
