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

    /// <summary>The command was cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}
