namespace AgoraBench;

/// <summary>Repairs append-only line files after a process was killed part-way through writing a line.</summary>
internal static class TornLine
{
    /// <summary>Cuts a file back to its last complete line (a process killed mid-write leaves a torn one).</summary>
    public static void Cut(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        long end = stream.Length;
        while (end > 0)
        {
            stream.Position = end - 1;
            if (stream.ReadByte() == '\n')
            {
                break;
            }

            end--;
        }

        stream.SetLength(end);
    }
}
