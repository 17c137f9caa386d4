using System.CommandLine;

namespace AgoraBench.Cli.Commands;

/// <summary>Runs a command body, turning known failures into messages and exit codes.</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parseResult, Func<TextWriter, Task> body, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await body(parseResult.InvocationConfiguration.Output).ConfigureAwait(false);
            return CliExitCodes.Success;
        }
        catch (IncompleteRunException ex)
        {
            await error.WriteLineAsync("incomplete: " + ex.Message).ConfigureAwait(false);
            return CliExitCodes.Incomplete;
        }
        catch (DataValidationException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return CliExitCodes.DataError;
        }
        catch (FileNotFoundException ex)
        {
            await error.WriteLineAsync($"error: file not found: {ex.FileName ?? ex.Message}").ConfigureAwait(false);
            return CliExitCodes.DataError;
        }
        catch (DirectoryNotFoundException ex)
        {
            await error.WriteLineAsync("error: " + ex.Message).ConfigureAwait(false);
            return CliExitCodes.DataError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return CliExitCodes.Cancelled;
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically, or to <paramref name="output"/> when no path is given.</summary>
    public static async Task WriteResultAsync(string text, string? path, TextWriter output, string what, CancellationToken cancellationToken)
    {
        if (path is null)
        {
            await output.WriteAsync(text).ConfigureAwait(false);
            return;
        }

        await AtomicFile.WriteAllTextAsync(path, text, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"Wrote {what} to {path}").ConfigureAwait(false);
    }
}
