using System.Globalization;

namespace AgoraBench;

/// <summary>The checks every options class with retry settings shares (the limits of Polly's retry strategy).</summary>
internal static class RetryRules
{
    /// <summary>Adds a problem for each retry setting out of range.</summary>
    /// <param name="problems">The problems found so far.</param>
    /// <param name="maxRetries">The retry count (at least 0).</param>
    /// <param name="delay">The first delay (0 to one day).</param>
    /// <param name="maxDelay">The longest delay (at least <paramref name="delay"/>, at most one day).</param>
    /// <param name="prefix">The name of the settings' owner in the messages, or empty.</param>
    public static void Check(List<string> problems, int maxRetries, TimeSpan delay, TimeSpan maxDelay, string prefix = "")
    {
        if (maxRetries < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}MaxRetries must be at least 0 (was {maxRetries})."));
        }

        if (delay < TimeSpan.Zero || delay > TimeSpan.FromDays(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}RetryDelay must be between 0 and one day (was {delay})."));
        }

        if (maxDelay < delay || maxDelay > TimeSpan.FromDays(1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{prefix}MaxRetryDelay must be at least RetryDelay ({delay}) and at most one day (was {maxDelay})."));
        }
    }
}
