using System.Text.RegularExpressions;

namespace AgoraBench;

/// <summary>The judge rubric of an intrinsic metric for a setting: the plan domain's own file when it names one, else the built-in rubric.</summary>
internal static partial class DomainRubrics
{
    /// <summary>The rubric text the judge of <paramref name="criterion"/> gets for the setting's domain.</summary>
    public static string For(AgoraBenchPlan plan, BenchmarkDomain domain, JudgeCriterion criterion)
    {
        string metric = criterion == JudgeCriterion.ResponseQuality ? IntrinsicMetricNames.ResponseQuality : IntrinsicMetricNames.InstructionDifficulty;
        return plan.Domains.TryGetValue(AgoraBenchNames.ToName(domain), out var declared) && declared.Rubrics.TryGetValue(metric, out string? file)
            ? File.ReadAllText(file).Trim()
            : JudgePrompts.Rubric(criterion, domain);
    }

    /// <summary>What is wrong with a rubric's text, or <see langword="null"/>: the judge answers 1–5, so each score needs a description.</summary>
    public static string? Problem(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "is empty";
        }

        var missing = Enumerable.Range(1, 5).Where(score => !ScoreLine().Matches(text).Any(m => m.Groups[1].Value == score.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToArray();
        return missing.Length == 0 ? null : $"has no line for Score {string.Join(", ", missing)}; a rubric describes each score from 'Score 1:' to 'Score 5:'";
    }

    [GeneratedRegex(@"^\s*Score\s+([1-5])\s*:", RegexOptions.Multiline)]
    private static partial Regex ScoreLine();
}
