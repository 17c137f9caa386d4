using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="PerplexityMetricOptions"/>, listing every problem at once.</summary>
internal sealed class PerplexityMetricOptionsValidator : OptionsRules<PerplexityMetricOptions>
{
    public static readonly PerplexityMetricOptionsValidator Instance = new();

    protected override void Check(PerplexityMetricOptions options, List<string> problems)
    {
        if (options.Context is null)
        {
            problems.Add("Context is required.");
        }

        if (options.Concurrency < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Concurrency must be at least 1 (was {options.Concurrency})."));
        }
    }
}
