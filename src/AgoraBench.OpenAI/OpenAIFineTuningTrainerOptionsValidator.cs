using Microsoft.Extensions.Options;

namespace AgoraBench.OpenAI;

/// <summary>Checks <see cref="OpenAIFineTuningTrainerOptions"/>, listing every problem at once.</summary>
internal sealed class OpenAIFineTuningTrainerOptionsValidator : IValidateOptions<OpenAIFineTuningTrainerOptions>
{
    public static readonly OpenAIFineTuningTrainerOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, OpenAIFineTuningTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
