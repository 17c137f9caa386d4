using System.Globalization;

namespace AgoraBench;

/// <summary>Checks <see cref="SyntheticDatasetReadOptions"/>, listing every problem at once.</summary>
internal sealed class SyntheticDatasetReadOptionsValidator : OptionsRules<SyntheticDatasetReadOptions>
{
    public static readonly SyntheticDatasetReadOptionsValidator Instance = new();

    protected override void Check(SyntheticDatasetReadOptions options, List<string> problems)
    {
        if (!Enum.IsDefined(options.Format))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Format has the undefined value {(int)options.Format}; use one of {string.Join(", ", Enum.GetNames(options.Format.GetType()))}."));
        }

        if (string.IsNullOrWhiteSpace(options.InstructionField))
        {
            problems.Add("InstructionField must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ResponseField))
        {
            problems.Add("ResponseField must not be empty.");
        }

        if (options.MaxErrors < 1)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"MaxErrors must be at least 1 (was {options.MaxErrors})."));
        }
    }
}
