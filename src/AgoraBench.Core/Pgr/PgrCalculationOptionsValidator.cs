using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="PgrCalculationOptions"/>, listing every problem at once.</summary>
internal sealed class PgrCalculationOptionsValidator : OptionsRules<PgrCalculationOptions>
{
    public static readonly PgrCalculationOptionsValidator Instance = new();

    protected override void Check(PgrCalculationOptions options, List<string> problems)
    {
        if (!Enum.IsDefined(options.Aggregation))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Aggregation has the undefined value {(int)options.Aggregation}; use one of {string.Join(", ", Enum.GetNames(options.Aggregation.GetType()))}."));
        }

        // The bootstrap settings (rounds, confidence) are checked by the options themselves.
        problems.AddRange(options.Validate());
    }
}
