using System.Text;

namespace AgoraBench;

/// <summary>Writes a file through a temporary file and a rename, so a reader (or a crash) never sees half of it.</summary>
internal static class AtomicFile
{
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        if (Directory.Exists(full))
        {
            throw new IOException($"{path} is a folder; a file path is expected");
        }

        try
        {
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // No temporary file is left behind when the write or the rename fails.
            File.Delete(temporary);
            throw;
        }
    }
}
