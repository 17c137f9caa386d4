using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="JudgeMetricOptions"/>, listing every problem at once.</summary>
internal sealed class JudgeMetricOptionsValidator : OptionsRules<JudgeMetricOptions>
{
    public static readonly JudgeMetricOptionsValidator Instance = new();

    protected override void Check(JudgeMetricOptions options, List<string> problems)
    {
        if (options.MaxAttempts < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxAttempts must be at least 1 (was {options.MaxAttempts})."));
        }

        if (options.Concurrency < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Concurrency must be at least 1 (was {options.Concurrency})."));
        }

        if (options.ChatOptions is null)
        {
            problems.Add("ChatOptions is required.");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider is required.");
        }

        if (options.Template is { } template && JudgeMetric.RequiredPlaceholders.Where(p => !template.Contains(p, StringComparison.Ordinal)).ToArray() is { Length: > 0 } missing)
        {
            problems.Add($"Template lacks {string.Join(", ", missing)}.");
        }
    }
}
