namespace AgoraBench;

/// <summary>Turns a list of option problems into one <see cref="ArgumentException"/> that names them all.</summary>
internal static class OptionErrors
{
    public static void ThrowIfAny(IReadOnlyList<string> errors, string what, string parameterName)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid {what}:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)), parameterName);
        }
    }
}
