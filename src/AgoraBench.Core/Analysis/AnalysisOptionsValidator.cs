namespace AgoraBench;

/// <summary>Checks <see cref="AnalysisOptions"/>, listing every problem at once.</summary>
internal sealed class AnalysisOptionsValidator : OptionsRules<AnalysisOptions>
{
    public static readonly AnalysisOptionsValidator Instance = new();

    protected override void Check(AnalysisOptions options, List<string> problems)
    {
        problems.AddRange(options.Validate());
    }
}
