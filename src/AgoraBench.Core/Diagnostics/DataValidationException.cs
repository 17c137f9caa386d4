using System.Text;

namespace AgoraBench;

/// <summary>
/// Thrown when input data (a dataset file, a score table, a list of PGR cells) has problems. All problems found are
/// reported at once in <see cref="Errors"/>; the message lists them, one per line.
/// </summary>
public sealed class DataValidationException : Exception
{
    private const int MaxErrorsInMessage = 50;

    /// <summary>Initializes a new instance of the <see cref="DataValidationException"/> class.</summary>
    internal DataValidationException()
        : this([new DataError(null, null, null, "The data is invalid.")])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DataValidationException"/> class with one message.</summary>
    /// <param name="message">The message.</param>
    public DataValidationException(string message)
        : this([new DataError(null, null, null, message)])
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DataValidationException"/> class with one message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public DataValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new DataError(null, null, null, message)];
    }

    /// <summary>Initializes a new instance of the <see cref="DataValidationException"/> class.</summary>
    /// <param name="errors">The problems found; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public DataValidationException(IReadOnlyList<DataError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<DataError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<DataError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("At least one error is required.", nameof(errors));
        }

        if (errors.Count == 1)
        {
            return errors[0].ToString();
        }

        var text = new StringBuilder().Append(errors.Count).Append(" problems found:");
        for (int i = 0; i < errors.Count && i < MaxErrorsInMessage; i++)
        {
            text.AppendLine().Append("  ").Append(errors[i]);
        }

        if (errors.Count > MaxErrorsInMessage)
        {
            text.AppendLine().Append("  … and ").Append(errors.Count - MaxErrorsInMessage).Append(" more.");
        }

        return text.ToString();
    }
}
