namespace AgoraBench;

/// <summary>Checks <see cref="ForecastOptions"/>, listing every problem at once.</summary>
internal sealed class ForecastOptionsValidator : OptionsRules<ForecastOptions>
{
    public static readonly ForecastOptionsValidator Instance = new();

    protected override void Check(ForecastOptions options, List<string> problems)
    {
        if (!(options.Level > 0 && options.Level < 1))
        {
            problems.Add($"ForecastOptions.Level must be between 0 and 1 (exclusive); it is {options.Level}.");
        }

        if (options.Penalties is null || options.Penalties.Count == 0)
        {
            problems.Add("ForecastOptions.Penalties must hold at least one penalty.");
        }
        else if (options.Penalties.Any(p => !(p >= 0) || double.IsInfinity(p)))
        {
            problems.Add("ForecastOptions.Penalties must be finite and non-negative.");
        }

        if (options.Features is null)
        {
            problems.Add("ForecastOptions.Features must not be null (leave it empty to choose the features automatically).");
        }
        else if (options.Features.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add("ForecastOptions.Features must not hold an empty name.");
        }
    }
}
