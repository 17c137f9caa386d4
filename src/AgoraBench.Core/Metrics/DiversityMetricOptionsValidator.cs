using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="DiversityMetricOptions"/>, listing every problem at once.</summary>
internal sealed class DiversityMetricOptionsValidator : OptionsRules<DiversityMetricOptions>
{
    public static readonly DiversityMetricOptionsValidator Instance = new();

    protected override void Check(DiversityMetricOptions options, List<string> problems)
    {
        if (!Enum.IsDefined(options.Measure))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Measure has the undefined value {(int)options.Measure}; use one of {string.Join(", ", Enum.GetNames(options.Measure.GetType()))}."));
        }

        if (options.BatchSize < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BatchSize must be at least 1 (was {options.BatchSize})."));
        }

        if (options.Concurrency < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Concurrency must be at least 1 (was {options.Concurrency})."));
        }
    }
}
