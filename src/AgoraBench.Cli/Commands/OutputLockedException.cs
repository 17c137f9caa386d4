namespace AgoraBench.Cli.Commands;

/// <summary>Another process is writing the same output; this one stops before doing anything.</summary>
internal sealed class OutputLockedException(string message) : IOException(message);
