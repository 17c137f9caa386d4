namespace AgoraBench.Cli;

/// <summary>The documented exit codes of the agorabench tool (see docs/cli.md).</summary>
internal static class CliExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug, or an I/O error while writing output).</summary>
    public const int Failure = 1;

    /// <summary>The command line is invalid: unknown command or option, missing or malformed value.</summary>
    public const int UsageError = 2;

    /// <summary>Input data is invalid or missing: the message names the file, line and problem.</summary>
    public const int DataError = 3;

    /// <summary><c>run</c> finished, but some steps failed or are still waiting; rerun the same command to retry them.</summary>
    public const int Incomplete = 4;

    /// <summary>Another agorabench process is writing the same output (its <c>OUT.lock</c> is held); nothing was done.</summary>
    public const int Locked = 5;

    /// <summary>An endpoint could not be reached (connection refused, host not found, network unreachable); the message names it.</summary>
    public const int Network = 6;

    /// <summary>The command was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
