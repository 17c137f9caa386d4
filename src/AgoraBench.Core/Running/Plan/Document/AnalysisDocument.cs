using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace AgoraBench;

/// <summary>The <c>analysis</c> section of a plan file.</summary>
internal sealed record AnalysisDocument
{
    private static readonly PlanAnalysis Defaults = new();

    [AllowedValues("mean-of-pgr", "pgr-of-mean")]
    [Description("How a generator's PGR is aggregated over benchmarks: the mean of per-benchmark PGRs (the paper), or the PGR of mean scores.")]
    public string Aggregation { get; set; } = "mean-of-pgr";

    [Description("CSV generator,benchmark,score.")]
    public string? ProblemSolvingFile { get; set; }

    [Description("CSV generator,instances,pgr for the budget view.")]
    public string? ScalingFile { get; set; }

    [Range(1, int.MaxValue)]
    [Description("Principal components of the intrinsic-metric analysis.")]
    public int PrincipalComponents { get; set; } = Defaults.PrincipalComponents;

    [Range(0, int.MaxValue)]
    [Description("Paired bootstrap resamples behind every PGR interval; 0 turns intervals off, otherwise at least 100.")]
    public int BootstrapRounds { get; set; } = Defaults.BootstrapRounds;

    [Range(0d, 1d, MinimumIsExclusive = true, MaximumIsExclusive = true)]
    [Description("Confidence level of the PGR intervals and of the report's verdicts.")]
    public double Confidence { get; set; } = Defaults.Confidence;

    [Range(0d, double.MaxValue, MinimumIsExclusive = true)]
    [Description("A budget in USD per setting for the budget view.")]
    public double? BudgetUsdPerSetting { get; set; }

    [Description("The report's title (default: the plan's name).")]
    public string? Title { get; set; }
}
