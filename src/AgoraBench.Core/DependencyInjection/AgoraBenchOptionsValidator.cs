namespace AgoraBench;

/// <summary>Checks <see cref="AgoraBenchOptions"/>, listing every problem at once.</summary>
internal sealed class AgoraBenchOptionsValidator : OptionsRules<AgoraBenchOptions>
{
    public static readonly AgoraBenchOptionsValidator Instance = new();

    protected override void Check(AgoraBenchOptions options, List<string> problems)
    {
        if (options.Pgr is null)
        {
            problems.Add("AgoraBenchOptions.Pgr must not be null.");
        }
        else
        {
            problems.AddRange(PgrCalculationOptionsValidator.Instance.Problems(options.Pgr).Select(p => "AgoraBenchOptions.Pgr." + p));
        }
    }
}
