namespace AgoraBench;

/// <summary>Checks <see cref="AgoraBenchRunnerOptions"/>, listing every problem at once.</summary>
internal sealed class AgoraBenchRunnerOptionsValidator : OptionsRules<AgoraBenchRunnerOptions>
{
    public static readonly AgoraBenchRunnerOptionsValidator Instance = new();

    protected override void Check(AgoraBenchRunnerOptions options, List<string> problems)
    {
        problems.AddRange(options.Validate());
    }
}
