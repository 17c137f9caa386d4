namespace AgoraBench.Cli.Commands;

/// <summary>A metric scored no item at all (every judge or endpoint call failed); exit code 1, nothing written.</summary>
internal sealed class MetricsFailedException(string message) : Exception(message);
