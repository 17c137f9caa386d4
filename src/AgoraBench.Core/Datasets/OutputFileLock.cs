namespace AgoraBench;

/// <summary>
/// An exclusive lock on an output file, held by the library's one writer of it (a generation run store, a predictions
/// file): <c>FILE.writer.lock</c> opened without sharing, an advisory lock the operating system releases when the
/// process dies, so a killed writer never leaves a stale lock. (The command line holds its own <c>OUT.lock</c> for a
/// whole command; the two never meet.)
/// </summary>
internal sealed class OutputFileLock : IDisposable
{
    private readonly FileStream _stream;

    private OutputFileLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of an output file.</summary>
    /// <exception cref="OutputInUseException">Another writer holds it.</exception>
    public static OutputFileLock Acquire(string output)
    {
        string full = Path.GetFullPath(output);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            return new OutputFileLock(new FileStream(full + ".writer.lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException ex)
        {
            throw new OutputInUseException($"{full} is being written by another process; wait for it to finish or choose another output file.", ex) { Path = full };
        }
    }

    public void Dispose() => _stream.Dispose();
}
