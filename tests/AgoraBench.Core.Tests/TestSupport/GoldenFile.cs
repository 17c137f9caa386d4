using System.Runtime.CompilerServices;

namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// Compares text with a committed golden file beside the test source (<c>Golden/NAME</c>). On a mismatch it writes
/// <c>NAME.received</c> next to it; set <c>AGORABENCH_UPDATE_GOLDEN=1</c> to accept the new text.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("AGORABENCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with AGORABENCH_UPDATE_GOLDEN=1 to create it.");
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            File.WriteAllText(path + ".received", actual);
        }

        Assert.Equal(expected, actual);
    }
}
