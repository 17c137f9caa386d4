using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="SftExportOptions"/>, listing every problem at once.</summary>
internal sealed class SftExportOptionsValidator : OptionsRules<SftExportOptions>
{
    public static readonly SftExportOptionsValidator Instance = new();

    protected override void Check(SftExportOptions options, List<string> problems)
    {
        if (options.SystemPrompt is null)
        {
            problems.Add("SystemPrompt is required.");
        }

        if (options.SeedInstances is null)
        {
            problems.Add("SeedInstances is required.");
        }

        if (options.MinimumExamples < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MinimumExamples must be at least 0 (was {options.MinimumExamples})."));
        }
    }
}
