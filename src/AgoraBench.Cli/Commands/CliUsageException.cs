namespace AgoraBench.Cli.Commands;

/// <summary>An option's value is malformed or out of range (exit code 2); every problem is listed.</summary>
internal sealed class CliUsageException(IReadOnlyList<DataError> errors) : Exception(new DataValidationException(errors).Message)
{
    public IReadOnlyList<DataError> Errors { get; } = errors;
}
