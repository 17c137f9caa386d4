namespace AgoraBench.Cli.Commands;

/// <summary>
/// An exclusive lock on a command's output, held as <c>OUT.lock</c> beside it for the whole command: a second
/// process writing the same output (two <c>generate</c> on one file, a <c>score</c> and a <c>judge</c> into one
/// file) is refused at once instead of paying twice and interleaving lines. The operating system releases it when the
/// process ends, even on a crash; the empty <c>.lock</c> file stays.
/// </summary>
internal sealed class OutputLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputLock(FileStream stream) => _stream = stream;

    public static OutputLock Acquire(string output, string option)
    {
        string full = Path.GetFullPath(output);
        string path = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None takes an exclusive advisory lock (flock on Unix), which another process cannot take too.
            return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new OutputLockedException($"{option} {output} is being written by another agorabench process (lock {path}); wait for it to finish or choose another {option}");
        }
    }

    public void Dispose() => _stream.Dispose();
}
