using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="PlanEstimateOptions"/>, listing every problem at once (a plan file's are reported by <c>PlanValidator</c> with their JSON paths).</summary>
internal sealed class PlanEstimateOptionsValidator : OptionsRules<PlanEstimateOptions>
{
    public static readonly PlanEstimateOptionsValidator Instance = new();

    protected override void Check(PlanEstimateOptions options, List<string> problems)
    {
        if (!(options.AttemptsPerInstance >= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"AttemptsPerInstance must be at least 1 (was {options.AttemptsPerInstance})."));
        }

        foreach (var (name, value) in new[] { ("SampleSize", options.SampleSize), ("DefaultResponseTokens", options.DefaultResponseTokens), ("JudgeOutputTokens", options.JudgeOutputTokens), ("PairwiseJudgeOutputTokens", options.PairwiseJudgeOutputTokens), ("EvaluationOutputTokens", options.EvaluationOutputTokens) })
        {
            if (value < 1)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{name} must be positive (was {value})."));
            }
        }
    }
}
