using Polly;
using Polly.Retry;

namespace AgoraBench.Cli.Commands;

/// <summary>
/// An exclusive lock on a command's output, held as <c>OUT.lock</c> beside it for the whole command: a second
/// process writing the same output (two <c>generate</c> on one file, a <c>score</c> and a <c>judge</c> into one
/// file) is refused at once instead of paying twice and interleaving lines. The operating system releases the lock
/// when the process ends, even on a crash; a normal end also removes the file.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;
    private readonly string _path;

    private OutputLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>
    /// Takes the lock file again, at once, when its holder removed it between our open and our check (a lock on a removed
    /// file protects nothing); after three such races the last lock is kept.
    /// </summary>
    private static readonly ResiliencePipeline<FileStream> Retake = new ResiliencePipelineBuilder<FileStream> { Name = "AgoraBench.OutputLock" }
        .AddRetry(new RetryStrategyOptions<FileStream>
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.Zero,
            BackoffType = DelayBackoffType.Constant,
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Result is { } stream && !File.Exists(stream.Name)),
            OnRetry = static args =>
            {
                args.Outcome.Result?.Dispose();
                return default;
            },
        })
        .Build();

    public static OutputLock Acquire(string output, string option)
    {
        string full = Path.GetFullPath(output);
        string path = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new OutputLock(Retake.Execute(static call => Open(call.Output, call.Option, call.Path), (Output: output, Option: option, Path: path)), path);
    }

    private static FileStream Open(string output, string option, string path)
    {
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix) that another process cannot take too.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new OutputLockedException($"{option} {output} is being written by another agorabench process (lock {path}); wait for it to finish or choose another {option}");
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Left behind, it is an empty file that the next command reuses.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        _stream.Dispose();
    }
}
