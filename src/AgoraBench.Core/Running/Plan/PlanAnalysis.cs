namespace AgoraBench;

/// <summary>How a plan aggregates PGR and analyzes the study.</summary>
internal sealed record PlanAnalysis
{
    /// <summary>Gets how a setting's two benchmarks are combined.</summary>
    /// <value>The default value is <see cref="PgrAggregation.MeanOfPgr"/>.</value>
    public PgrAggregation Aggregation { get; init; } = PgrAggregation.MeanOfPgr;

    /// <summary>Gets the number of paired bootstrap resamples behind every PGR interval (0: no intervals).</summary>
    /// <value>The default value is 2000.</value>
    public int BootstrapRounds { get; init; } = 2000;

    /// <summary>Gets the confidence level of the PGR intervals and of the report's verdicts.</summary>
    /// <value>The default value is 0.95.</value>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Gets a CSV of the generators' own benchmark scores (<c>generator,benchmark,score</c>), or <see langword="null"/>; used with or instead of <see cref="PlanEvaluation.ProblemSolving"/>.</summary>
    public string? ProblemSolvingFile { get; init; }

    /// <summary>Gets a CSV of PGR at other sizes (<c>generator,instances,pgr</c>) for the budget view, or <see langword="null"/>.</summary>
    public string? ScalingFile { get; init; }

    /// <summary>Gets how many principal components PGR is regressed on.</summary>
    /// <value>The default value is 5, as in the paper.</value>
    public int PrincipalComponents { get; init; } = 5;

    /// <summary>Gets a budget in USD per setting for the budget view, or <see langword="null"/>.</summary>
    public double? BudgetUsdPerSetting { get; init; }

    /// <summary>Gets the report's title, or <see langword="null"/> for the plan's name.</summary>
    public string? Title { get; init; }
}
