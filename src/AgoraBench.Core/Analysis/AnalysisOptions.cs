namespace AgoraBench;

/// <summary>Options of <see cref="AgoraBenchAnalyzer"/>.</summary>
public sealed class AnalysisOptions
{
    /// <summary>Gets or sets how many leading principal components PGR is regressed on.</summary>
    /// <value>The default value is 5, as in the paper.</value>
    public int PrincipalComponents { get; set; } = 5;

    /// <summary>Gets or sets the number of instances per setting a study generates, for costing a study.</summary>
    /// <value>The default value is 10,000, as in the paper.</value>
    internal int InstancesPerSetting { get; set; } = 10_000;

    /// <summary>Gets or sets the input tokens per accepted instance assumed when no usage was measured.</summary>
    /// <value>The default value is 1,500 (an instance-generation meta-prompt with three demonstrations).</value>
    public double AssumedInputTokensPerInstance { get; set; } = 1_500;

    /// <summary>Gets or sets the output tokens per accepted instance assumed when no usage was measured.</summary>
    /// <value>The default value is 500.</value>
    public double AssumedOutputTokensPerInstance { get; set; } = 500;

    /// <summary>Gets or sets a budget in USD per setting for the budget view, or <see langword="null"/> for none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public double? BudgetUsdPerSetting { get; set; }

    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (PrincipalComponents < 1)
        {
            errors.Add($"AnalysisOptions.PrincipalComponents must be at least 1; it is {PrincipalComponents}.");
        }

        if (InstancesPerSetting < 1)
        {
            errors.Add($"AnalysisOptions.InstancesPerSetting must be at least 1; it is {InstancesPerSetting}.");
        }

        if (!(AssumedInputTokensPerInstance >= 0) || !(AssumedOutputTokensPerInstance >= 0))
        {
            errors.Add("AnalysisOptions.AssumedInputTokensPerInstance and AssumedOutputTokensPerInstance must be non-negative.");
        }

        if (BudgetUsdPerSetting is double budget && !(budget > 0))
        {
            errors.Add($"AnalysisOptions.BudgetUsdPerSetting must be positive; it is {budget}.");
        }

        return errors;
    }
}
