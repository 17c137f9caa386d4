using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="BradleyTerryOptions"/>, listing every problem at once.</summary>
internal sealed class BradleyTerryOptionsValidator : OptionsRules<BradleyTerryOptions>
{
    public static readonly BradleyTerryOptionsValidator Instance = new();

    protected override void Check(BradleyTerryOptions options, List<string> problems)
    {
        if (options.StrongVerdictWeight < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"StrongVerdictWeight must be at least 1 (was {options.StrongVerdictWeight})."));
        }

        if (options.BootstrapRounds < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BootstrapRounds must be at least 0 (was {options.BootstrapRounds})."));
        }

        if (!Enum.IsDefined(options.Bootstrap))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Bootstrap has the undefined value {(int)options.Bootstrap}; use one of {string.Join(", ", Enum.GetNames(options.Bootstrap.GetType()))}."));
        }

        if (!(options.Confidence > 0 && options.Confidence < 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Confidence must be between 0 and 1, exclusive (was {options.Confidence})."));
        }

        if (!double.IsFinite(options.BaselineRating))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"BaselineRating must be a finite number (was {options.BaselineRating})."));
        }
    }
}
