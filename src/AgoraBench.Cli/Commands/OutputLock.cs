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
    /// file protects nothing); after three such races the last lock is kept. The pipeline's result is a small class of
    /// our own: a Native AOT build keeps every member of a retry strategy's result type, and FileStream's include some
    /// that need code generated at run time.
    /// </summary>
    private static readonly ResiliencePipeline<LockFile> Retake = new ResiliencePipelineBuilder<LockFile> { Name = "AgoraBench.OutputLock" }
        .AddRetry(new RetryStrategyOptions<LockFile>
        {
            MaxRetryAttempts = 3,
            Delay = TimeSpan.Zero,
            BackoffType = DelayBackoffType.Constant,
            ShouldHandle = static args => new ValueTask<bool>(args.Outcome.Result is { } file && !File.Exists(file.Stream.Name)),
            OnRetry = static args =>
            {
                args.Outcome.Result?.Stream.Dispose();
                return default;
            },
        })
        .Build();

    public static OutputLock Acquire(string output, string option)
    {
        string full = Path.GetFullPath(output);
        string path = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new OutputLock(Retake.Execute(static call => new LockFile(Open(call.Output, call.Option, call.Path)), (Output: output, Option: option, Path: path)).Stream, path);
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

    /// <summary>The lock file as opened, as the retry pipeline passes it along.</summary>
    private sealed record LockFile(FileStream Stream);
}
