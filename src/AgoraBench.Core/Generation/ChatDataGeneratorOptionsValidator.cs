namespace AgoraBench;

/// <summary>Checks <see cref="ChatDataGeneratorOptions"/>, listing every problem at once.</summary>
internal sealed class ChatDataGeneratorOptionsValidator : OptionsRules<ChatDataGeneratorOptions>
{
    public static readonly ChatDataGeneratorOptionsValidator Instance = new();

    protected override void Check(ChatDataGeneratorOptions options, List<string> problems)
    {
        problems.AddRange(options.Validate());
    }
}
