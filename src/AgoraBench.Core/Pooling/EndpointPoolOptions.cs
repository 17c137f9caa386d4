namespace AgoraBench;

/// <summary>Settings of <see cref="EndpointPoolChatClient"/>.</summary>
internal sealed class EndpointPoolOptions
{
    /// <summary>Gets or sets how many failures in a row eject a replica.</summary>
    /// <value>The default value is 3.</value>
    internal int FailureThreshold { get; set; } = 3;

    /// <summary>Gets or sets how long a first ejection lasts; each further ejection in a row doubles it.</summary>
    /// <value>The default value is 5 seconds.</value>
    internal TimeSpan EjectionTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets the longest ejection.</summary>
    /// <value>The default value is 2 minutes.</value>
    internal TimeSpan MaxEjectionTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets how many replicas one call may try before its last failure is thrown, or <see langword="null"/> for all of them.</summary>
    internal int? MaxAttempts { get; set; }

    /// <summary>Gets or sets the clock of ejections.</summary>
    internal TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lists every problem with these options.</summary>
    /// <returns>The problems; empty when valid.</returns>
    internal IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (FailureThreshold < 1)
        {
            errors.Add($"FailureThreshold must be at least 1 (was {FailureThreshold}).");
        }

        if (EjectionTime <= TimeSpan.Zero || MaxEjectionTime < EjectionTime)
        {
            errors.Add("EjectionTime must be positive and MaxEjectionTime at least EjectionTime.");
        }

        if (MaxAttempts is < 1)
        {
            errors.Add($"MaxAttempts must be at least 1 (was {MaxAttempts}).");
        }

        if (TimeProvider is null)
        {
            errors.Add("TimeProvider is required.");
        }

        return errors;
    }
}
