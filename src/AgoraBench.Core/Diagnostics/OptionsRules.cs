using Microsoft.Extensions.Options;

namespace AgoraBench;

/// <summary>
/// The one way an options class is checked: an <see cref="IValidateOptions{TOptions}"/> that lists every problem at
/// once, used when the options are registered (<c>AddX</c>, with <c>ValidateOnStart</c>) and again by the constructor
/// that receives them.
/// </summary>
/// <typeparam name="T">The options class.</typeparam>
internal abstract class OptionsRules<T> : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Lists every problem with the options.</summary>
    public IReadOnlyList<string> Problems(T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Check(options, problems);
        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> that lists every problem, or returns the options when there is none.</summary>
    public T ThrowIfInvalid(T options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        OptionErrors.ThrowIfAny(Problems(options), typeof(T).Name, parameterName);
        return options;
    }

    protected abstract void Check(T options, List<string> problems);
}
