namespace AgoraBench.Cli.Tests;

/// <summary>Finds files of this repository from the test output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AgoraBench.Core.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The repository root (AgoraBench.Core.sln) was not found.");
        }
    }

    public static string? Python => new[] { "/usr/bin/python3", "/usr/local/bin/python3" }
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "python3")))
        .FirstOrDefault(File.Exists);
}
