namespace AgoraBench.Cli.Tests;

/// <summary>A fact that runs only when the named files exist under <c>../shared</c> beside the checkout (or AGORABENCH_SHARED_DIR); otherwise it is skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(params string[] requiredPaths)
    {
        if (Directory is null)
        {
            Skip = "../shared is not available (set AGORABENCH_SHARED_DIR to use another copy).";
        }
        else if (requiredPaths.Where(p => !System.IO.Path.Exists(Path(p))).ToArray() is { Length: > 0 } missing)
        {
            Skip = "Missing shared data: " + string.Join(", ", missing);
        }
    }

    public static string? Directory
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("AGORABENCH_SHARED_DIR");
            if (!string.IsNullOrEmpty(configured))
            {
                return System.IO.Directory.Exists(configured) ? configured : null;
            }

            string candidate = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(RepositoryPaths.Root) ?? RepositoryPaths.Root, "shared");
            return System.IO.Directory.Exists(candidate) ? candidate : null;
        }
    }

    public static string Path(string relative) => System.IO.Path.Combine(Directory ?? throw new InvalidOperationException("shared/ is not available."), relative);
}
