using Microsoft.Extensions.Logging;

namespace AgoraBench;

/// <summary>The engine's log messages (source-generated). They carry item ids, status codes and counts, never prompts, keys or headers.</summary>
internal static partial class GenerationLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Generating {Method} / {Domain} with {Generator}: {Resumed} instance(s) resumed, concurrency {Concurrency}")]
    public static partial void Started(ILogger logger, string method, string domain, string generator, int resumed, int concurrency);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "{Item} attempt {Attempt} rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string item, int attempt, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "{Item}: {Fault}; retry {Retry} in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string item, string fault, int retry, double delayMs);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Item} given up after {Attempts} attempt(s)")]
    public static partial void GaveUp(ILogger logger, string item, int attempts);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Generation stopped: {Reason}")]
    public static partial void Aborted(ILogger logger, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Generation finished: {Accepted} accepted, {Completions} completions, {Retries} transport retries, {InputTokens} input and {OutputTokens} output tokens{StoppedReason}")]
    public static partial void Finished(ILogger logger, int accepted, int completions, int retries, long inputTokens, long outputTokens, string stoppedReason);
}
