namespace AgoraBench.Tests.TestSupport;

/// <summary>
/// Compares text with a committed golden file (a path relative to the test project that links this file, copied to the output folder).
/// On a mismatch it writes <c>NAME.received</c> beside the source file; set <c>AGORABENCH_UPDATE_GOLDEN=1</c> to
/// accept the new text into the source tree.
/// </summary>
internal static class GoldenFile
{
    public static void Verify(string actual, string relativePath)
    {
        actual = actual.ReplaceLineEndings("\n");
        string sourcePath = Path.Combine(ProjectDirectory(), relativePath);
        if (Environment.GetEnvironmentVariable("AGORABENCH_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(sourcePath, actual);
            return;
        }

        string path = Path.Combine(AppContext.BaseDirectory, relativePath);
        Assert.True(File.Exists(path), $"Golden file {relativePath} is missing; run with AGORABENCH_UPDATE_GOLDEN=1 to create it.");
        string expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual && Directory.Exists(Path.GetDirectoryName(sourcePath)))
        {
            File.WriteAllText(sourcePath + ".received", actual);
        }

        Assert.Equal(expected, actual);
    }

    private static string ProjectDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
            {
                return Path.Combine(dir.FullName, "tests", typeof(GoldenFile).Assembly.GetName().Name!);
            }
        }

        return AppContext.BaseDirectory;
    }
}
