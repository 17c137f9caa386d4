namespace AgoraBench;

/// <summary>Checks <see cref="GenerationEngineOptions"/>, listing every problem at once.</summary>
internal sealed class GenerationEngineOptionsValidator : OptionsRules<GenerationEngineOptions>
{
    public static readonly GenerationEngineOptionsValidator Instance = new();

    protected override void Check(GenerationEngineOptions options, List<string> problems)
    {
        problems.AddRange(options.Validate());
    }
}
