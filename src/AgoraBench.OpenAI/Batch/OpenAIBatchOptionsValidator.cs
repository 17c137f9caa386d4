using Microsoft.Extensions.Options;

namespace AgoraBench.OpenAI;

/// <summary>Checks <see cref="OpenAIBatchOptions"/>, listing every problem at once.</summary>
internal sealed class OpenAIBatchOptionsValidator : IValidateOptions<OpenAIBatchOptions>
{
    public static readonly OpenAIBatchOptionsValidator Instance = new();

    public ValidateOptionsResult Validate(string? name, OpenAIBatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
