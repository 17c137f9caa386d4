namespace AgoraBench;

/// <summary>Checks <see cref="CommandStudentTrainerOptions"/>, listing every problem at once.</summary>
internal sealed class CommandStudentTrainerOptionsValidator : OptionsRules<CommandStudentTrainerOptions>
{
    public static readonly CommandStudentTrainerOptionsValidator Instance = new();

    protected override void Check(CommandStudentTrainerOptions options, List<string> problems)
    {
        problems.AddRange(options.Validate());
    }
}
