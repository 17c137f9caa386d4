namespace AgoraBench;

/// <summary>The names of forecast features: the library's metric names, the paper's Table 8 identifiers mapped onto them, and problem solving.</summary>
internal static class ForecastFeatures
{
    /// <summary>The paper's identifiers of quantities the library measures under its own name.</summary>
    private static readonly Dictionary<string, string> PaperAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["instruction_difficulty_gpt4o_judge"] = IntrinsicMetricNames.InstructionDifficulty,
        ["response_quality_gpt4o_judge"] = IntrinsicMetricNames.ResponseQuality,
        ["response_perplexity_llama31_8b_base"] = IntrinsicMetricNames.ResponsePerplexity,
        ["instruction_diversity_cdist"] = IntrinsicMetricNames.InstructionDiversity,
        ["response_diversity_cdist"] = IntrinsicMetricNames.ResponseDiversity,
        ["response_quality_skywork_rm_8b"] = IntrinsicMetricNames.RewardModelQuality,
    };

    /// <summary>The feature made of the generator's own benchmark scores in the cell's domain.</summary>
    public const string ProblemSolving = AgoraBenchAnalyzer.ProblemSolvingFeature;

    /// <summary>The library's name for a metric given by either name; other names are kept as they are.</summary>
    public static string Canonical(string name)
    {
        string trimmed = name.Trim();
        if (PaperAliases.TryGetValue(trimmed, out string? canonical))
        {
            return canonical;
        }

        return trimmed.Replace('_', '-') is var dashed && (IntrinsicMetricNames.All.Contains(dashed) || dashed == IntrinsicMetricNames.RewardModelQuality)
            ? dashed
            : trimmed.Equals("problem-solving", StringComparison.OrdinalIgnoreCase) ? ProblemSolving : trimmed;
    }
}
