namespace AgoraBench.Tests.TestSupport;

/// <summary>Finds this repository's files (docs, samples) from the test output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (AgoraBench.Core.sln) was not found.");
        }
    }

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);
}
