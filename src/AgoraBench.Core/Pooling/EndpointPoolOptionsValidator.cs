namespace AgoraBench;

/// <summary>Checks <see cref="EndpointPoolOptions"/>, listing every problem at once.</summary>
internal sealed class EndpointPoolOptionsValidator : OptionsRules<EndpointPoolOptions>
{
    public static readonly EndpointPoolOptionsValidator Instance = new();

    protected override void Check(EndpointPoolOptions options, List<string> problems)
    {
        problems.AddRange(options.Validate());
    }
}
