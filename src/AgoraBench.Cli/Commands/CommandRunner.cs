using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// Runs a command body, turning failures into one clear message and a documented exit code (see
/// <see cref="CliExitCodes"/>); no stack trace reaches the user.
/// </summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(ParseResult parseResult, Func<TextWriter, Task> body, CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var pathErrors = CliPaths.Check(parseResult);
            if (pathErrors.Count > 0)
            {
                throw new DataValidationException(pathErrors);
            }

            using var outputLock = LockOutput(parseResult);
            await body(parseResult.InvocationConfiguration.Output).ConfigureAwait(false);
            return CliExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return CliExitCodes.Cancelled;
        }
        catch (Exception ex)
        {
            var (code, message) = Describe(ex);
            await error.WriteLineAsync(message).ConfigureAwait(false);
            return code;
        }
    }

    // Every command that writes an --out (a file or a folder) holds its lock for the whole command.
    private static OutputLock? LockOutput(ParseResult parseResult)
    {
        foreach (var child in parseResult.CommandResult.Children)
        {
            if (child is System.CommandLine.Parsing.OptionResult { Implicit: false } result && result.Option.Name == "--out"
                && result.Option.ValueType == typeof(string) && result.GetValueOrDefault<string>() is { Length: > 0 } path)
            {
                return OutputLock.Acquire(path, "--out");
            }
        }

        return null;
    }

    /// <summary>The exit code and message for a failure; unknown failures are code 1 with their message, never a stack trace.</summary>
    internal static (int Code, string Message) Describe(Exception ex)
    {
        switch (ex)
        {
            case IncompleteRunException:
                return (CliExitCodes.Incomplete, "incomplete: " + ex.Message);
            case CliUsageException:
                return (CliExitCodes.UsageError, "error: " + ex.Message + "\nRun 'agorabench <command> --help' for usage.");
            case MetricsFailedException:
                return (CliExitCodes.Failure, "error: " + ex.Message);
            case OutputLockedException:
                return (CliExitCodes.Locked, "error: " + ex.Message);
            case DataValidationException:
                return (CliExitCodes.DataError, "error: " + ex.Message);
            case FileNotFoundException notFound:
                return (CliExitCodes.DataError, $"error: file not found: {notFound.FileName ?? ex.Message}");
            case DirectoryNotFoundException:
                return (CliExitCodes.DataError, "error: " + ex.Message);
            case JsonException json:
                return (CliExitCodes.DataError, "error: " + JsonErrors.Describe(null, json));
        }

        if (Network(ex) is { } network)
        {
            return (CliExitCodes.Network, "error: " + network);
        }

        return ex switch
        {
            UnauthorizedAccessException => (CliExitCodes.Failure, "error: permission denied: " + ex.Message),
            IOException => (CliExitCodes.Failure, "error: " + ex.Message),
            OperationCanceledException => (CliExitCodes.Failure, "error: timed out or cancelled: " + ex.Message),
            _ => (CliExitCodes.Failure, $"error: unexpected failure ({ex.GetType().Name}): {ex.Message}"),
        };
    }

    // A refused connection, an unknown host or a reset, found anywhere in the exception chain, described with its endpoint.
    private static string? Network(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException http)
            {
                var socket = FindSocket(http);
                string reason = socket?.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.ConnectionReset => "connection reset",
                    SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
                    _ => http.HttpRequestError == HttpRequestError.ConnectionError ? "cannot connect" : http.Message,
                };
                return $"cannot reach the endpoint: {reason} ({http.Message})";
            }

            if (e is SocketException s && s.SocketErrorCode == SocketError.ConnectionRefused)
            {
                return $"cannot reach the endpoint: connection refused ({s.Message})";
            }
        }

        return null;
    }

    private static SocketException? FindSocket(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket;
            }
        }

        return null;
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
